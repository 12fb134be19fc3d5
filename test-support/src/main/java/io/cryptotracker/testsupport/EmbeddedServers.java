package io.cryptotracker.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.RedisServer;
import org.springframework.util.FileSystemUtils;

/**
 * Real PostgreSQL 17, Redis and a Kafka KRaft broker, started together and stopped together: shared by the test
 * classes of one JVM ({@link #shared()}) or started with fixed ports and persistent data by the local launcher.
 */
public final class EmbeddedServers implements AutoCloseable {

    public static final String POSTGRES_USERNAME = "postgres";
    public static final String POSTGRES_PASSWORD = "";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Duration CONTEXTS_CLOSE_WAIT = Duration.ofSeconds(20);

    private static EmbeddedServers shared;

    private final EmbeddedServersSettings settings;
    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final StartedKafka kafka;
    private final String kafkaBootstrapServers;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedServers(EmbeddedServersSettings settings, EmbeddedPostgres postgres, StartedRedis redis,
            StartedKafka kafka) {
        this.settings = settings;
        this.postgres = postgres;
        this.redis = redis.server();
        this.redisPort = redis.port();
        this.kafka = kafka;
        this.kafkaBootstrapServers = settings.kafkaPort() > 0 ? "localhost:" + settings.kafkaPort()
                : kafka.broker().getBrokersAsString();
    }

    /**
     * The servers every test class of this JVM shares, started on first use with free ports and temporary data,
     * and stopped when the JVM exits (after the Spring test contexts that use them have closed).
     */
    public static synchronized EmbeddedServers shared() {
        if (shared == null || shared.stopping.get()) {
            EmbeddedServers servers = start(EmbeddedServersSettings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(servers::stopAfterTestContexts, "embedded-servers-stop"));
            shared = servers;
        }
        return shared;
    }

    /** Starts the three servers (PostgreSQL and Kafka in parallel); on any failure stops what did start. */
    public static EmbeddedServers start(EmbeddedServersSettings settings) {
        Objects.requireNonNull(settings, "settings");
        long startedAt = System.nanoTime();
        if (settings.freshData()) {
            deleteRecursively(settings.dataDirectory().resolve("postgres"));
        }
        ExecutorService kafkaStarter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-kafka-start");
            thread.setDaemon(true);
            return thread;
        });
        Future<StartedKafka> kafkaStart = kafkaStarter.submit(() -> startKafka(settings.kafkaPort()));
        EmbeddedPostgres postgres = null;
        StartedRedis redis = null;
        try {
            postgres = startPostgres(settings);
            redis = startRedis(settings.redisPort());
            StartedKafka kafka = kafkaStart.get();
            EmbeddedServers servers = new EmbeddedServers(settings, postgres, redis, kafka);
            log.info("Embedded servers up in {} ms: PostgreSQL localhost:{}, Redis {}:{}, Kafka {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), servers.postgresPort(),
                    servers.redisHost(), servers.redisPort(), servers.kafkaBootstrapServers());
            return servers;
        }
        catch (Exception | Error ex) {
            StartedKafka kafka = kafkaResultQuietly(kafkaStart);
            if (kafka != null) {
                kafka.stop();
            }
            quietly("Redis", redis == null ? null : redis.server()::stop);
            quietly("PostgreSQL", postgres == null ? null : postgres::close);
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
            throw new IllegalStateException("Could not start the embedded servers (PostgreSQL port "
                    + describePort(settings.postgresPort()) + ", Redis port " + describePort(settings.redisPort())
                    + ", Kafka port " + describePort(settings.kafkaPort()) + "): " + cause.getMessage(), cause);
        }
        finally {
            kafkaStarter.shutdown();
        }
    }

    /** Creates the database unless it exists (safe to call again and from several threads); returns its JDBC URL. */
    public String createDatabase(String name) {
        requireDatabaseName(name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!databaseExists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
                catch (SQLException ex) {
                    if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
                        throw ex;
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + name + ": " + ex.getMessage(), ex);
        }
        return jdbcUrl(name);
    }

    /**
     * Gives the database its own login role, as each service has in production: creates or updates the role (no
     * superuser, no CREATEDB, no CREATEROLE; the password set again), creates the database owned by it or hands an
     * existing one and every object in it to the role, and takes CONNECT on it from PUBLIC, so other roles
     * (except superusers) cannot connect. Safe to call again, also on a database created earlier by
     * {@link #createDatabase(String)} and filled as the superuser. Calls on one server run one at a time.
     *
     * @return the URL and credentials the database's owner logs in with
     */
    public synchronized DatabaseLogin createDatabaseOwnedBy(String database, String role, String password) {
        requireDatabaseName(database);
        DatabaseOwner.requireIdentifier(role);
        Objects.requireNonNull(password, "password");
        try {
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                DatabaseOwner.ensureRole(admin, role, password);
                DatabaseOwner.ensureDatabase(admin, database, role);
            }
            try (Connection adminInDatabase = dataSource(database).getConnection()) {
                List<String> changed = DatabaseOwner.takeOverObjects(adminInDatabase, role);
                if (!changed.isEmpty()) {
                    log.info("Handed {} object(s) of database {} to role {}", changed.size(), database, role);
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not give database " + database + " to role " + role + ": "
                    + ex.getMessage(), ex);
        }
        return new DatabaseLogin(jdbcUrl(database), role, password);
    }

    /** Whether the database exists on this server. */
    public boolean databaseExists(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return databaseExists(connection, name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not query databases: " + ex.getMessage(), ex);
        }
    }

    public String jdbcUrl(String database) {
        requireDatabaseName(database);
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
    }

    /** A non-pooled data source for the database (which must exist), as the superuser {@value #POSTGRES_USERNAME}. */
    public DataSource dataSource(String database) {
        requireDatabaseName(database);
        return postgres.getDatabase(POSTGRES_USERNAME, database);
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String postgresUsername() {
        return POSTGRES_USERNAME;
    }

    public String postgresPassword() {
        return POSTGRES_PASSWORD;
    }

    public String redisHost() {
        return "127.0.0.1";
    }

    public int redisPort() {
        return redisPort;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public EmbeddedServersSettings settings() {
        return settings;
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Stops Kafka, Redis and PostgreSQL (in that order) and waits for them; safe to call more than once. A
     * temporary data directory is deleted, a persistent one is kept.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(Duration.ofMinutes(1));
            return;
        }
        try {
            kafka.stop();
            quietly("Redis", redis::stop);
            quietly("PostgreSQL", postgres::close);
            log.info("Embedded servers stopped");
        }
        finally {
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stopAfterTestContexts() {
        // Kafka consumers of a test context block in close() for up to 30 s when the broker is already gone
        if (!OpenTestContexts.awaitAllClosed(CONTEXTS_CLOSE_WAIT)) {
            log.warn("Spring test contexts still open after {} s; stopping the embedded servers anyway",
                    CONTEXTS_CLOSE_WAIT.toSeconds());
        }
        stop();
    }

    private void awaitStopped(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static EmbeddedPostgres startPostgres(EmbeddedServersSettings settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(60))
                // the local launcher stops PostgreSQL itself, after the services that use it
                .setRegisterShutdownHook(!settings.persistent())
                // runs before every start, so a data directory from an earlier version gets these rules too
                .setDataDirectoryCustomizer(EmbeddedServers::writeClientAuthentication);
        if (settings.postgresPort() > 0) {
            builder.setPort(settings.postgresPort());
        }
        if (settings.persistent()) {
            Files.createDirectories(settings.dataDirectory());
            builder.setDataDirectory(settings.dataDirectory().resolve("postgres")).setCleanDataDirectory(false);
        }
        if (settings.logDirectory() != null) {
            Files.createDirectories(settings.logDirectory());
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect
                    .appendTo(settings.logDirectory().resolve("postgres.log").toFile());
            builder.setOutputRedirector(serverLog).setErrorRedirector(serverLog);
        }
        return builder.start();
    }

    /**
     * pg_hba.conf: the superuser {@value #POSTGRES_USERNAME} logs in from this machine without a password (the
     * launcher and tests administer the server with it), every other role only with its password, so a service's
     * role is checked as in production. initdb's default would trust every role.
     */
    private static void writeClientAuthentication(File dataDirectory) {
        String rules = """
                # written by EmbeddedServers before every start; edits are overwritten
                # TYPE  DATABASE  USER      ADDRESS       METHOD
                local   all       postgres                trust
                host    all       postgres  127.0.0.1/32  trust
                host    all       postgres  ::1/128       trust
                local   all       all                     scram-sha-256
                host    all       all       127.0.0.1/32  scram-sha-256
                host    all       all       ::1/128       scram-sha-256
                """;
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDirectory, ex);
        }
    }

    private static StartedRedis startRedis(int requestedPort) throws IOException {
        int attempts = requestedPort == 0 ? 5 : 1;
        IOException failure = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = requestedPort == 0 ? freePort() : requestedPort;
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            try {
                server.start();
                return new StartedRedis(server, port);
            }
            catch (IOException ex) {
                // a free port can be taken between the probe and the start
                failure = ex;
            }
        }
        throw new IOException("Redis did not start on port " + describePort(requestedPort), failure);
    }

    private static StartedKafka startKafka(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        Map<String, String> properties = new HashMap<>();
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("auto.create.topics.enable", "true");
        if (port > 0) {
            // KRaft ignores kafkaPorts(..): a third listener gives clients the fixed port
            properties.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,FIXED://localhost:" + port);
            properties.put("advertised.listeners", "EXTERNAL://localhost:0,FIXED://localhost:" + port);
            properties.put("listener.security.protocol.map",
                    "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,FIXED:PLAINTEXT");
        }
        broker.brokerProperties(properties);
        // Kafka deletes its temporary log directories in JVM shutdown hooks of its own, which run while the broker
        // and its clients are still shutting down; keep those deletions and run them after the broker has stopped.
        List<Runnable> cleanUp = new CopyOnWriteArrayList<>();
        Thread starter = Thread.currentThread();
        Exit.setShutdownHookAdder((name, hook) -> {
            if (Thread.currentThread() == starter) {
                cleanUp.add(hook);
            }
            else {
                Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
            }
        });
        try {
            broker.afterPropertiesSet();
        }
        catch (RuntimeException | Error ex) {
            new StartedKafka(broker, cleanUp).stop();
            throw ex;
        }
        finally {
            Exit.resetShutdownHookAdder();
        }
        return new StartedKafka(broker, cleanUp);
    }

    private static boolean databaseExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ", was " + name);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String describePort(int port) {
        return port == 0 ? "any" : String.valueOf(port);
    }

    private static StartedKafka kafkaResultQuietly(Future<StartedKafka> start) {
        try {
            return start.get(2, TimeUnit.MINUTES);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (Exception ex) {
            return null;
        }
    }

    private static void quietly(String server, StopAction action) {
        if (action == null) {
            return;
        }
        try {
            action.stop();
        }
        catch (Exception ex) {
            log.warn("Could not stop embedded {}: {}", server, ex.toString());
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

    @FunctionalInterface
    private interface StopAction {
        void stop() throws Exception;
    }

    private record StartedRedis(RedisServer server, int port) {
    }

    private record StartedKafka(EmbeddedKafkaKraftBroker broker, List<Runnable> cleanUp) {

        void stop() {
            quietly("Kafka", broker::destroy);
            cleanUp.forEach(hook -> quietly("Kafka temporary files", hook::run));
            cleanUp.clear();
        }
    }
}
