package io.cryptotracker.launcher;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.testsupport.EmbeddedServersSettings;

/**
 * What the launcher reads from the environment: ports of the embedded servers and of every service, time-outs,
 * and extra JVM options for the services. Every variable has a default.
 */
public record LauncherSettings(int postgresPort, int redisPort, int kafkaPort, Map<SuiteService, Integer> servicePorts,
        Duration startupTimeout, Duration stopGrace, List<String> serviceJavaOptions) {

    public static final String POSTGRES_PORT = "POSTGRES_PORT";
    public static final String REDIS_PORT = "REDIS_PORT";
    public static final String KAFKA_PORT = "KAFKA_PORT";
    public static final String STARTUP_TIMEOUT_SECONDS = "STARTUP_TIMEOUT_SECONDS";
    public static final String STOP_TIMEOUT_SECONDS = "STOP_TIMEOUT_SECONDS";
    public static final String SERVICE_JAVA_OPTS = "SERVICE_JAVA_OPTS";

    public LauncherSettings {
        servicePorts = Map.copyOf(servicePorts);
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
    }

    public static LauncherSettings fromEnvironment(Map<String, String> environment) {
        Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            servicePorts.put(service, port(environment, service.portVariable(), service.defaultPort()));
        }
        String javaOptions = environment.getOrDefault(SERVICE_JAVA_OPTS, "").trim();
        return new LauncherSettings(
                port(environment, POSTGRES_PORT, EmbeddedServersSettings.DEFAULT_POSTGRES_PORT),
                port(environment, REDIS_PORT, EmbeddedServersSettings.DEFAULT_REDIS_PORT),
                port(environment, KAFKA_PORT, EmbeddedServersSettings.DEFAULT_KAFKA_PORT),
                servicePorts,
                Duration.ofSeconds(positive(environment, STARTUP_TIMEOUT_SECONDS, 180)),
                Duration.ofSeconds(positive(environment, STOP_TIMEOUT_SECONDS, 30)),
                javaOptions.isEmpty() ? List.of() : Arrays.asList(javaOptions.split("\\s+")));
    }

    public int port(SuiteService service) {
        return servicePorts.get(service);
    }

    /** Every variable read, with its default, for {@code --help}. */
    public static List<String> describeVariables() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(POSTGRES_PORT + " (" + EmbeddedServersSettings.DEFAULT_POSTGRES_PORT + "), " + REDIS_PORT + " ("
                + EmbeddedServersSettings.DEFAULT_REDIS_PORT + "), " + KAFKA_PORT + " ("
                + EmbeddedServersSettings.DEFAULT_KAFKA_PORT + ")");
        for (SuiteService service : SuiteService.values()) {
            lines.add(service.portVariable() + " (" + service.defaultPort() + ")");
        }
        lines.add(STARTUP_TIMEOUT_SECONDS + " (180): how long each service may take to become healthy");
        lines.add(STOP_TIMEOUT_SECONDS + " (30): how long a service may take to stop before it is killed");
        lines.add(SERVICE_JAVA_OPTS + " (empty): extra JVM options for every service, e.g. -Xmx384m");
        lines.add(StartupArchive.ENABLED_VARIABLE + " (true): run each service from its extracted jar with a class data "
                + "archive (CDS, or the AOT cache on JDK 25) trained by the first run after a build; false: from the jar");
        return lines;
    }

    private static int port(Map<String, String> environment, String name, int defaultPort) {
        int port = integer(environment, name, defaultPort);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), was " + environment.get(name));
        }
        return port;
    }

    private static int positive(Map<String, String> environment, String name, int defaultValue) {
        int value = integer(environment, name, defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + environment.get(name));
        }
        return value;
    }

    private static int integer(Map<String, String> environment, String name, int defaultValue) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a number, was " + value, ex);
        }
    }
}
