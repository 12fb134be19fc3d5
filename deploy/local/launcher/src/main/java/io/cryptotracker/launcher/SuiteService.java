package io.cryptotracker.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The suite's services: module (and service) name, port variable and default port, database, heap. */
public enum SuiteService {

    DISCOVERY("discovery", "DISCOVERY_PORT", 8761, null, "192m"),
    GATEWAY("gateway", "GATEWAY_PORT", 8080, null, "256m"),
    AUTH_SERVICE("auth-service", "AUTH_SERVICE_PORT", 8081, "auth", "256m"),
    USER_SERVICE("user-service", "USER_SERVICE_PORT", 8082, "users", "256m"),
    MARKET_SERVICE("market-service", "MARKET_SERVICE_PORT", 8083, "market", "256m"),
    SIGNALS_SERVICE("signals-service", "SIGNALS_SERVICE_PORT", 8084, "signals", "256m"),
    NOTIFICATION_SERVICE("notification-service", "NOTIFICATION_SERVICE_PORT", 8085, "notifications", "256m");

    /**
     * JVM options for a local run on a small machine (see STACK.md), after the heap size. The heap starts small
     * ({@code -Xms32m}) and grows when it must: with the initial heap at the maximum the young generation alone is
     * about a third of it, all of it touched before the first collection (bench/startup: about 50 MiB RSS less per
     * service, start-up unchanged).
     */
    static final List<String> COMPACT_JVM_OPTIONS = List.of("-Xms32m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError");

    /** glibc's malloc arenas per process: 2 instead of 8 per core (thread-local arenas of 64 MiB each). */
    static final String MALLOC_ARENAS = "2";

    private final String serviceName;
    private final String portVariable;
    private final int defaultPort;
    private final String database;
    private final String maxHeap;

    SuiteService(String serviceName, String portVariable, int defaultPort, String database, String maxHeap) {
        this.serviceName = serviceName;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.database = database;
        this.maxHeap = maxHeap;
    }

    /** The Maven module, the jar's artifact id and {@code spring.application.name}. */
    public String serviceName() {
        return serviceName;
    }

    /** The launcher's environment variable for this service's port. */
    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Its PostgreSQL database, if it has one. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The login role that owns its database (the service name in snake case, as in Compose and Kubernetes). */
    public Optional<String> databaseRole() {
        return database().map(ignored -> serviceName.replace('-', '_'));
    }

    /** Every service with a database. */
    public static List<SuiteService> withDatabase() {
        return Arrays.stream(values()).filter(service -> service.database != null).toList();
    }

    public List<String> jvmOptions() {
        List<String> options = new java.util.ArrayList<>();
        options.add("-Xmx" + maxHeap);
        options.addAll(COMPACT_JVM_OPTIONS);
        if (Runtime.version().feature() >= 22) {
            // Netty's native access warning on newer JDKs
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 25) {
            // 8-byte object headers instead of 12: a smaller heap for the same objects (JEP 519)
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return options;
    }

    /** Every service that runs after discovery. */
    public static List<SuiteService> behindDiscovery() {
        return Arrays.stream(values()).filter(service -> service != DISCOVERY).toList();
    }

    public static Optional<SuiteService> named(String name) {
        return Arrays.stream(values()).filter(service -> service.serviceName.equals(name)).findFirst();
    }

    /** Every database of the suite. */
    public static List<String> databases() {
        return Arrays.stream(values()).flatMap(service -> service.database().stream()).toList();
    }
}
