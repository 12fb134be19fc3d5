package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.RedisServer;

/**
 * Local-run control for the failure drills in {@code bench/drills}: off unless {@value #PORT_VARIABLE} is set, then a
 * plain-text HTTP endpoint on 127.0.0.1 only that stops and starts one embedded server in this JVM, and starts a
 * service JVM again (after a drill killed it) with the command line the launcher started it with.
 *
 * <pre>
 * GET  /status                     one line per service (name pid alive|dead) and per server (up|down)
 * POST /redis/stop   /redis/start   the redis-server process (same object, same port and settings)
 * POST /postgres/stop /postgres/start  pg_ctl stop (fast), then a new postmaster on the same data directory and port
 * POST /kafka/stop   /kafka/start   the broker of the combined KRaft node (the controller and its metadata stay up;
 *                                   log directories and cluster id are kept, port 9092 is closed while stopped)
 * POST /services/NAME/start         starts NAME again if it is not running, answers once it is healthy
 * </pre>
 *
 * The embedded servers are reached through {@link EmbeddedServers}' private fields (it has no stop/start of one
 * server, and this class must not change common-lib): a rename there makes these calls fail with a clear answer,
 * nothing else. Local use only: nothing here is reachable from another host.
 */
final class DrillControl implements AutoCloseable {

    static final String PORT_VARIABLE = "LAUNCHER_CONTROL_PORT";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SuiteLauncher suite;
    private final EmbeddedServers servers;
    private final Path logDirectory;
    private final ProcessLedger ledger;
    private final Duration startupTimeout;
    private final Duration stopGrace;
    private final PrintStream out;
    private final Map<String, ServiceProcess> restarted = Collections.synchronizedMap(new LinkedHashMap<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean redisUp = true;
    private volatile boolean postgresUp = true;
    private volatile boolean kafkaUp = true;

    private DrillControl(int port, SuiteLauncher suite, EmbeddedServers servers, Path logDirectory,
            ProcessLedger ledger, Duration startupTimeout, Duration stopGrace, PrintStream out) throws IOException {
        this.suite = suite;
        this.servers = servers;
        this.logDirectory = logDirectory;
        this.ledger = ledger;
        this.startupTimeout = startupTimeout;
        this.stopGrace = stopGrace;
        this.out = out;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "drill-control");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the control endpoint when {@value #PORT_VARIABLE} is set; {@code null} otherwise. */
    static DrillControl startIfEnabled(Map<String, String> environment, SuiteLauncher suite, EmbeddedServers servers,
            Path logDirectory, ProcessLedger ledger, LauncherSettings settings, PrintStream out) {
        String port = environment.get(PORT_VARIABLE);
        if (port == null || port.isBlank()) {
            return null;
        }
        try {
            DrillControl control = new DrillControl(Integer.parseInt(port.trim()), suite, servers, logDirectory,
                    ledger, settings.startupTimeout(), settings.stopGrace(), out);
            out.println("Drill control: http://127.0.0.1:" + port.trim() + "/status (bench/drills; loopback only)");
            return control;
        }
        catch (IOException | RuntimeException ex) {
            out.println("Drill control NOT started on 127.0.0.1:" + port + ": " + ex);
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        String body;
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                status = 403;
                body = "loopback only";
            }
            else if ("GET".equals(method) && "/status".equals(path)) {
                body = status();
            }
            else if ("POST".equals(method)) {
                body = act(path);
                out.println("drill control: " + path + " -> " + body);
            }
            else {
                status = 404;
                body = "unknown: " + method + " " + path;
            }
        }
        catch (IllegalArgumentException ex) {
            status = 404;
            body = ex.getMessage();
        }
        catch (IllegalStateException ex) {
            status = 409;
            body = ex.getMessage();
        }
        catch (Exception ex) {
            status = 500;
            body = ex.toString();
            out.println("drill control: " + exchange.getRequestURI() + " failed: " + ex);
        }
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(bytes);
        }
    }

    private String status() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess process : current()) {
            text.append("service ").append(process.spec().name()).append(' ').append(process.pid()).append(' ')
                    .append(process.isAlive() ? "alive" : "dead").append(' ').append(process.spec().port())
                    .append('\n');
        }
        text.append("redis ").append(redisUp ? "up" : "down").append('\n');
        text.append("postgres ").append(postgresUp ? "up" : "down").append('\n');
        text.append("kafka ").append(kafkaUp ? "up" : "down");
        return text.toString();
    }

    private synchronized String act(String path) throws Exception {
        long started = System.nanoTime();
        switch (path) {
            case "/redis/stop" -> {
                redis().stop();
                redisUp = false;
            }
            case "/redis/start" -> {
                redis().start();
                redisUp = true;
            }
            case "/postgres/stop" -> {
                postgres().close();
                postgresUp = false;
            }
            case "/postgres/start" -> startPostgres();
            case "/kafka/stop" -> {
                for (BrokerServer broker : kafkaBrokers()) {
                    broker.shutdown();
                    broker.awaitShutdown();
                }
                kafkaUp = false;
            }
            case "/kafka/start" -> {
                for (BrokerServer broker : kafkaBrokers()) {
                    broker.startup();
                }
                kafkaUp = true;
            }
            default -> {
                if (path.startsWith("/services/") && path.endsWith("/start")) {
                    return startService(path.substring("/services/".length(), path.length() - "/start".length()));
                }
                throw new IllegalArgumentException("unknown: POST " + path);
            }
        }
        return "ok " + path + " in " + LocalLauncher.seconds(System.nanoTime() - started);
    }

    /** The newest process of every service, in start order. */
    private List<ServiceProcess> current() {
        Map<String, ServiceProcess> byName = new LinkedHashMap<>();
        for (ServiceProcess process : suite.processes()) {
            byName.put(process.spec().name(), process);
        }
        synchronized (restarted) {
            byName.putAll(restarted);
        }
        return new ArrayList<>(byName.values());
    }

    private String startService(String name) throws IOException {
        ServiceProcess previous = current().stream().filter(process -> process.spec().name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service named " + name));
        if (previous.isAlive()) {
            throw new IllegalStateException(name + " is running (pid " + previous.pid() + ")");
        }
        // keep the killed JVM's log: ServiceProcess.start truncates <name>.log
        Path log = logDirectory.resolve(name + ".log");
        if (Files.exists(log)) {
            String stamp = Instant.now().toString().replace(':', '-');
            Files.move(log, logDirectory.resolve(name + ".before-" + stamp + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        ServiceProcess process = ServiceProcess.start(previous.spec(), log,
                Path.of(System.getProperty("java.home"), "bin", "java"));
        ledger.forget(previous.pid());
        ledger.record(process.process().toHandle(), name);
        restarted.put(name, process);
        Duration startUp = process.awaitHealthy(http, startupTimeout);
        return "started " + name + " pid " + process.pid() + ", healthy in " + LocalLauncher.seconds(startUp);
    }

    private void startPostgres() throws Exception {
        if (postgresUp) {
            throw new IllegalStateException("postgres is running");
        }
        // the same settings EmbeddedServers starts it with, on the same (kept) data directory and port
        Path dataDirectory = servers.settings().dataDirectory();
        if (dataDirectory == null) {
            throw new IllegalStateException("PostgreSQL has a temporary data directory: cannot restart it");
        }
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect
                .appendTo(logDirectory.resolve("postgres.log").toFile());
        EmbeddedPostgres restartedPostgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setPort(servers.postgresPort())
                .setDataDirectory(dataDirectory.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .start();
        // EmbeddedServers.stop() closes whatever this field holds when the launcher stops
        field("postgres").set(servers, restartedPostgres);
        postgresUp = true;
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postgres").resolve("postmaster.pid"))) {
            lines.findFirst().map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of)
                    .ifPresent(handle -> ledger.record(handle, "postgres"));
        }
        catch (IOException | RuntimeException ex) {
            // the ledger is a convenience for a killed launcher
        }
    }

    private RedisServer redis() throws ReflectiveOperationException {
        return (RedisServer) field("redis").get(servers);
    }

    private EmbeddedPostgres postgres() throws ReflectiveOperationException {
        if (!postgresUp) {
            throw new IllegalStateException("postgres is stopped");
        }
        return (EmbeddedPostgres) field("postgres").get(servers);
    }

    private List<BrokerServer> kafkaBrokers() throws ReflectiveOperationException {
        Object startedKafka = field("kafka").get(servers);
        Method broker = startedKafka.getClass().getDeclaredMethod("broker");
        broker.setAccessible(true);
        EmbeddedKafkaKraftBroker kafka = (EmbeddedKafkaKraftBroker) broker.invoke(startedKafka);
        return List.copyOf(kafka.getCluster().brokers().values());
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = EmbeddedServers.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** Stops the services this control started again (the launcher's own ones are stopped by the launcher). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        List<ServiceProcess> alive;
        synchronized (restarted) {
            alive = restarted.values().stream().filter(ServiceProcess::isAlive).toList();
        }
        for (ServiceProcess process : alive) {
            out.printf(Locale.ROOT, "stopping %s (pid %d, restarted by a drill)%n", process.spec().name(),
                    process.pid());
            process.requestStop();
        }
        for (ServiceProcess process : alive) {
            process.awaitStopped(stopGrace);
            ledger.forget(process.pid());
        }
        if (!postgresUp) {
            // EmbeddedServers.stop() would close the stopped instance again: harmless
            out.println("drill control: PostgreSQL was left stopped by a drill");
        }
    }
}
