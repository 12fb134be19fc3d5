package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.cryptotracker.testsupport.DatabaseLogin;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.cryptotracker.testsupport.EmbeddedServersSettings;
import org.springframework.util.FileSystemUtils;

/**
 * The local run without Docker: embedded PostgreSQL, Redis and Kafka in this JVM's care, discovery, then the gateway
 * and every service as their own JVMs; prints progress and a status table, and on Ctrl-C/SIGTERM stops everything.
 */
public final class LocalLauncher {

    static final String LOGS_PROPERTY = "cryptotracker.logs";

    private final Path root;
    private final LaunchOptions options;
    private final LauncherSettings settings;
    private final PrintStream out;
    private final Path dataDirectory;
    private final Path logDirectory;
    private final ProcessLedger ledger;
    private final SuiteLauncher suite;
    private final StartupArchive archives;
    /** Every service's spec as planned, before its archive options: what {@code --train} checks afterwards. */
    private final List<ServiceSpec> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object shutdownLock = new Object();
    private final long launchedAt = System.nanoTime();
    /** Decided after {@code --fresh} has wiped the data directory, where a generated admin password lives. */
    private LocalFirstAdmin firstAdmin;
    private volatile boolean stopping;
    private volatile CompletableFuture<EmbeddedServers> infrastructure;
    private volatile DrillControl drillControl;
    private boolean stopped;

    LocalLauncher(Path root, LaunchOptions options, LauncherSettings settings, PrintStream out) {
        this.root = root;
        this.options = options;
        this.settings = settings;
        this.out = out;
        this.dataDirectory = root.resolve("deploy/local/.data");
        this.logDirectory = root.resolve("deploy/local/logs");
        this.ledger = new ProcessLedger(dataDirectory.resolve("launcher.pids"));
        this.suite = new SuiteLauncher(logDirectory, settings.startupTimeout(), settings.stopGrace(),
                new ProgressPrinter(out), ledger);
        this.archives = new StartupArchive(suite.javaExecutable(), Runtime.version(),
                StartupArchive.enabled(System.getenv()));
    }

    public static void main(String[] args) {
        LaunchOptions options;
        LauncherSettings settings;
        try {
            options = LaunchOptions.parse(args);
            settings = LauncherSettings.fromEnvironment(System.getenv());
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.print(LaunchOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.usage());
            return;
        }
        Path root = RepositoryRoot.locate();
        // before the first logger is created: logback.xml writes the servers' logs there
        System.setProperty(LOGS_PROPERTY, root.resolve("deploy/local/logs").toString());
        System.exit(new LocalLauncher(root, options, settings, System.out).run());
    }

    /** Starts everything and blocks until the JVM is asked to stop; returns non-zero when the start failed. */
    int run() {
        out.println("CryptoTracker local run (repository " + root + ")");
        List<String> missing = ModuleJars.of(root).missing(
                options.services().stream().map(SuiteService::serviceName).toList());
        if (!missing.isEmpty()) {
            out.println("Missing jars: " + String.join(", ", missing));
            out.println("Build them first: ./mvnw -B -DskipTests install (deploy/local/run.sh does this for you).");
            return 1;
        }
        if (options.train()) {
            ModuleJars jars = ModuleJars.of(root);
            List<String> toTrain = options.services().stream().map(SuiteService::serviceName)
                    .filter(name -> !archives.trained(jars.jar(name))).toList();
            if (toTrain.isEmpty()) {
                out.println("Start-up archives: nothing to train.");
                return 0;
            }
            out.println("Training start-up archives (" + String.join(", ", toTrain) + "): every service starts once on "
                    + "the data kept and stops when all are healthy.");
        }
        List<String> leftovers = ledger.stopLeftovers(settings.stopGrace());
        if (!leftovers.isEmpty()) {
            out.println("Stopped processes left running by an earlier run: " + String.join(", ", leftovers));
        }
        List<String> busy = busyPorts();
        if (!busy.isEmpty()) {
            out.println("These ports are in use: " + String.join(", ", busy));
            out.println("Stop whatever uses them (another local run?), or choose other ports through the variables "
                    + "named above, e.g. GATEWAY_PORT=8088 deploy/local/run.sh");
            return 1;
        }
        if (options.fresh()) {
            deleteRecursively(dataDirectory);
            out.println("--fresh: wiped " + root.relativize(dataDirectory));
        }
        firstAdmin = LocalFirstAdmin.decide(System.getenv(), dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "local-launcher-shutdown"));
        try {
            EmbeddedServers servers = startInfrastructureAndDiscovery();
            startServices(servers, provisionDatabases(servers));
            if (options.train()) {
                return finishTraining();
            }
            printStatus(servers);
            drillControl = DrillControl.startIfEnabled(System.getenv(), suite, servers, logDirectory, ledger,
                    settings, out);
            watchForCrashes();
            new CountDownLatch(1).await();
            return 0;
        }
        catch (ServiceFailure failure) {
            // reported by the progress printer before the others were stopped
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException ex) {
            if (!stopping) {
                out.println("FAILED: " + describe(ex));
            }
        }
        shutdown();
        return 1;
    }

    /**
     * Starts PostgreSQL, Redis and Kafka in the background and discovery meanwhile (it needs none of them), while the
     * services' jars are extracted for their start-up archives; returns when the servers are up and discovery is
     * healthy.
     */
    private EmbeddedServers startInfrastructureAndDiscovery() {
        out.printf("Starting PostgreSQL :%d, Redis :%d, Kafka :%d (data in %s)...%n", settings.postgresPort(),
                settings.redisPort(), settings.kafkaPort(), root.relativize(dataDirectory));
        long started = System.nanoTime();
        EmbeddedServersSettings serverSettings = EmbeddedServersSettings.localRun(dataDirectory)
                .withPorts(settings.postgresPort(), settings.redisPort(), settings.kafkaPort())
                .withLogDirectory(logDirectory);
        // Kafka's storage formatter prints to System.out; the launcher's own output goes to {@code out}
        PrintStream original = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            synchronized (shutdownLock) {
                if (stopping) {
                    throw new IllegalStateException("stopping");
                }
                // the shutdown hook waits for this start, so servers starting during Ctrl-C are still stopped
                infrastructure = CompletableFuture.supplyAsync(() -> EmbeddedServers.start(serverSettings),
                        runnable -> infrastructureStarter(runnable).start());
            }
            ModuleJars jars = ModuleJars.of(root);
            archives.extractAll(options.services().stream().map(service -> jars.jar(service.serviceName())).toList());
            int discoveryPort = settings.port(SuiteService.DISCOVERY);
            SuitePlan discoveryPlan = new SuitePlan(jars, null, Map.of(), discoveryPort,
                    dataDirectory.resolve("services"), settings.serviceJavaOptions());
            suite.startWave(List.of(withArchive(discoveryPlan.spec(SuiteService.DISCOVERY, discoveryPort))));
            EmbeddedServers servers = infrastructure.join();
            recordInfrastructureProcesses();
            out.printf("infrastructure up in %s%n", seconds(System.nanoTime() - started));
            return servers;
        }
        finally {
            System.setOut(original);
        }
    }

    /**
     * A thread with the launcher's class loader: Kafka loads its configured classes by name through the context class
     * loader, and the common pool's threads have the system class loader there on JDK 19+, which cannot see the
     * classes inside the launcher's jar.
     */
    private static Thread infrastructureStarter(Runnable runnable) {
        Thread thread = new Thread(runnable, "infrastructure-start");
        thread.setContextClassLoader(LocalLauncher.class.getClassLoader());
        thread.setDaemon(true);
        return thread;
    }

    /** Every service's database, owned by its own role (created, or upgraded from a data directory without roles). */
    private Map<SuiteService, DatabaseLogin> provisionDatabases(EmbeddedServers servers) {
        Path passwords = dataDirectory.resolve(ServiceDatabases.PASSWORDS_FILE);
        Map<SuiteService, DatabaseLogin> logins = ServiceDatabases.provision(servers, SuiteService.withDatabase(),
                passwords);
        out.printf("databases: %s (passwords in %s)%n", logins.entrySet().stream()
                .map(entry -> entry.getKey().database().orElseThrow() + " owned by " + entry.getValue().username())
                .collect(Collectors.joining(", ")), root.relativize(passwords));
        return logins;
    }

    private void startServices(EmbeddedServers servers, Map<SuiteService, DatabaseLogin> databaseLogins) {
        int discoveryPort = settings.port(SuiteService.DISCOVERY);
        SuitePlan plan = new SuitePlan(ModuleJars.of(root), servers, databaseLogins, discoveryPort,
                dataDirectory.resolve("services"), settings.serviceJavaOptions());
        List<ServiceSpec> rest = SuiteService.behindDiscovery().stream()
                .filter(options.services()::contains)
                .map(service -> withArchive(withFirstAdmin(service, plan.spec(service, settings.port(service)))))
                .toList();
        if (!rest.isEmpty()) {
            suite.startWave(rest);
        }
        out.printf("%nAll %d services healthy %s after launch.%n", rest.size() + 1,
                seconds(System.nanoTime() - launchedAt));
    }

    /**
     * {@code --train}: every service is healthy, so each has loaded what it needs to start; stops them (each writes
     * its archive as it exits) and checks every archive as the next start would, keeping only those a JVM maps.
     */
    private int finishTraining() {
        long stopStarted = System.nanoTime();
        shutdown();
        List<String> failed = new ArrayList<>();
        for (ServiceSpec spec : started) {
            if (!archives.prepare(spec).trained()) {
                failed.add(spec.name());
            }
        }
        out.printf("Archives written and checked in %s; training took %s.%n", seconds(System.nanoTime() - stopStarted),
                seconds(System.nanoTime() - launchedAt));
        if (!failed.isEmpty()) {
            out.println("No usable archive for: " + String.join(", ", failed) + " (the next start trains them again)");
            return 1;
        }
        return 0;
    }

    /** The spec started from its extracted jar with its start-up archive, when there can be one. */
    private ServiceSpec withArchive(ServiceSpec spec) {
        started.add(spec);
        StartupArchive.Prepared prepared = archives.prepare(spec);
        out.printf("%s: %s%n", spec.name(), prepared.description());
        if (prepared.training()) {
            suite.atLeastStopGrace(StartupArchive.TRAINING_STOP_GRACE);
        }
        return prepared.spec();
    }

    private ServiceSpec withFirstAdmin(SuiteService service, ServiceSpec spec) {
        if (service != SuiteService.AUTH_SERVICE) {
            return spec;
        }
        ServiceSpec withAdmin = spec;
        for (Map.Entry<String, String> variable : firstAdmin.environment().entrySet()) {
            withAdmin = withAdmin.withEnvironment(variable.getKey(), variable.getValue());
        }
        return withAdmin;
    }

    private void printStatus(EmbeddedServers servers) {
        // CPU: what each JVM has used so far, start-up included: on a small machine the services start together
        // and share the cores, so this (not the wall time) is what each one costs
        StatusTable table = new StatusTable("SERVICE", "PORT", "URL", "PID", "HEAP", "CPU", "RSS");
        long total = 0;
        for (ServiceProcess process : suite.processes()) {
            OptionalLong rss = process.residentBytes();
            total += rss.orElse(0);
            table.row(process.spec().name(), process.spec().port(), process.spec().baseUrl(), process.pid(),
                    process.spec().maxHeap(), cpuTime(process.process().toHandle()), ProcessMemory.mebibytes(rss));
        }
        long launcherPid = ProcessHandle.current().pid();
        OptionalLong launcherRss = ProcessMemory.residentBytes(launcherPid);
        total += launcherRss.orElse(0);
        table.row("kafka (launcher JVM)", settings.kafkaPort(), "localhost:" + settings.kafkaPort(), launcherPid,
                (Runtime.getRuntime().maxMemory() / (1024 * 1024)) + "m", cpuTime(ProcessHandle.current()),
                ProcessMemory.mebibytes(launcherRss));
        OptionalLong postgresPid = postmasterPid();
        OptionalLong postgresRss = postgresPid.isPresent()
                ? ProcessMemory.residentBytesWithDescendants(postgresPid.getAsLong()) : OptionalLong.empty();
        total += postgresRss.orElse(0);
        table.row("postgres", servers.postgresPort(), "jdbc:postgresql://localhost:" + servers.postgresPort() + "/<db>",
                postgresPid.isPresent() ? postgresPid.getAsLong() : "-", "-", "-", ProcessMemory.mebibytes(postgresRss));
        OptionalLong redisPid = redisPid();
        OptionalLong redisRss = redisPid.isPresent() ? ProcessMemory.residentBytes(redisPid.getAsLong())
                : OptionalLong.empty();
        total += redisRss.orElse(0);
        table.row("redis", servers.redisPort(), "redis://" + servers.redisHost() + ":" + servers.redisPort(),
                redisPid.isPresent() ? redisPid.getAsLong() : "-", "-", "-", ProcessMemory.mebibytes(redisRss));
        out.println();
        out.print(table.render());
        out.println("  total RSS: " + ProcessMemory.mebibytes(total));
        out.println();
        out.println("Logs: " + root.relativize(logDirectory) + "/<service>.log. Press Ctrl-C to stop everything.");
        if (options.services().contains(SuiteService.GATEWAY)) {
            String gateway = "http://localhost:" + settings.port(SuiteService.GATEWAY);
            // healthy is not yet routable: the gateway sees new registrations after its next registry fetch
            out.println("API: " + gateway + "/api/v1/... and " + gateway + "/swagger-ui.html (each service routable "
                    + "within about 10 s of its start)");
            out.println("First admin: " + firstAdmin.email() + (firstAdmin.passwordFile() == null
                    ? " (CRYPTOTRACKER_ADMIN_PASSWORD)"
                    : ", password in " + root.relativize(firstAdmin.passwordFile())));
            out.println();
            out.println("Open " + gateway + " in a browser: the CryptoTracker console (register, or sign in as the "
                    + "first admin).");
        }
        out.flush();
    }

    private void watchForCrashes() {
        for (ServiceProcess process : suite.processes()) {
            process.process().onExit().thenRun(() -> {
                if (!stopping) {
                    out.println();
                    out.println(process.spec().name() + " exited unexpectedly (code " + process.process().exitValue()
                            + "); the others keep running.\n--- last lines of " + process.logFile() + " ---\n"
                            + process.logTail());
                }
            });
        }
    }

    /** Stops the services (gateway and services, then discovery), then the embedded servers. Runs once. */
    void shutdown() {
        synchronized (shutdownLock) {
            if (stopped) {
                return;
            }
            stopping = true;
            stopped = true;
        }
        out.println();
        out.println("Stopping...");
        if (drillControl != null) {
            drillControl.close();
        }
        suite.stopAll();
        CompletableFuture<EmbeddedServers> servers = infrastructure;
        if (servers != null) {
            try {
                servers.get(2, TimeUnit.MINUTES).stop();
                out.println("stopped PostgreSQL, Redis and Kafka");
            }
            catch (Exception ex) {
                // the start failed, and stopped whatever it had started
            }
        }
        ledger.clear();
        out.println("Everything stopped.");
        out.flush();
    }

    private void recordInfrastructureProcesses() {
        postmasterPid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(handle -> ledger.record(handle, "postgres")));
        redisPid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(handle -> ledger.record(handle, "redis-server")));
    }

    private OptionalLong postmasterPid() {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong).map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        }
        catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong redisPid() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.contains("redis-server")).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst();
    }

    private List<String> busyPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(LauncherSettings.POSTGRES_PORT, settings.postgresPort());
        ports.put(LauncherSettings.REDIS_PORT, settings.redisPort());
        ports.put(LauncherSettings.KAFKA_PORT, settings.kafkaPort());
        for (SuiteService service : options.services()) {
            ports.put(service.portVariable(), settings.port(service));
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((variable, port) -> {
            if (!isFree(port)) {
                busy.add(port + " (" + variable + ")");
            }
        });
        return busy;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + directory, ex);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The CPU time a process has used, "12.3 s", or "-" where the platform does not tell. */
    static String cpuTime(ProcessHandle process) {
        return process.info().totalCpuDuration().map(LocalLauncher::seconds).orElse("-");
    }

    static String seconds(Duration duration) {
        return seconds(duration.toNanos());
    }

    /** Prints "auth-service up in 12.3 s" as services come up. */
    private static final class ProgressPrinter implements SuiteLauncher.Listener {

        private final PrintStream out;

        ProgressPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void starting(ServiceSpec service) {
            out.printf("starting %s on port %d (heap %s)%n", service.name(), service.port(), service.maxHeap());
        }

        @Override
        public void healthy(ServiceProcess service, Duration startUp) {
            out.printf("%s up in %s%n", service.spec().name(), seconds(startUp));
        }

        @Override
        public void stopping(ServiceProcess service) {
            out.printf("stopping %s (pid %d)%n", service.spec().name(), service.pid());
        }

        @Override
        public void failed(ServiceFailure failure) {
            out.println();
            out.println("FAILED: " + failure.report());
            out.println();
        }
    }
}
