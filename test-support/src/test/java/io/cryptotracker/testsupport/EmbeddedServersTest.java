package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @Test
    void twoDatabasesOnTheSharedServerDoNotSeeEachOthersTables() throws SQLException {
        EmbeddedServers servers = EmbeddedServers.shared();
        String first = servers.createDatabase("isolation_first");
        String second = servers.createDatabase("isolation_second");

        execute(first, "CREATE TABLE marker (id int PRIMARY KEY)", "INSERT INTO marker VALUES (1)");

        assertThat(first).isEqualTo("jdbc:postgresql://localhost:" + servers.postgresPort() + "/isolation_first");
        assertThat(queryInt(first, "SELECT count(*) FROM marker")).isEqualTo(1);
        assertThat(queryInt(second, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'"))
                .isZero();
        assertThat(queryString(second, "SELECT version()")).startsWith("PostgreSQL 17");
    }

    @Test
    void creatingTheSameDatabaseAgainOrConcurrentlyKeepsItsData() throws SQLException {
        EmbeddedServers servers = EmbeddedServers.shared();
        String url = servers.createDatabase("created_twice");
        execute(url, "CREATE TABLE kept (id int)");

        List<CompletableFuture<String>> concurrent = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> servers.createDatabase("created_twice")))
                .toList();

        assertThat(concurrent).allSatisfy(future -> assertThat(future.join()).isEqualTo(url));
        assertThat(queryInt(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'kept'"))
                .isOne();
    }

    @Test
    void databaseNamesThatAreNotPlainIdentifiersAreRefused() {
        EmbeddedServers servers = EmbeddedServers.shared();

        assertThatThrownBy(() -> servers.createDatabase("x\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> servers.createDatabase("UpperCase")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redisAnswersPing() throws IOException {
        EmbeddedServers servers = EmbeddedServers.shared();

        assertThat(redisCommand(servers.redisHost(), servers.redisPort(), "PING")).isEqualTo("+PONG");
    }

    @Test
    void kafkaDeliversARecordFromAProducerToAConsumer() throws Exception {
        assertRoundTrip(EmbeddedServers.shared().kafkaBootstrapServers());
    }

    @Test
    void localRunUsesFixedPortsKeepsDataAcrossRestartsAndWipesItWhenFresh(@TempDir Path dataDirectory)
            throws Exception {
        int postgresPort = freePort();
        int redisPort = freePort();
        int kafkaPort = freePort();
        EmbeddedServersSettings settings = EmbeddedServersSettings.localRun(dataDirectory)
                .withPorts(postgresPort, redisPort, kafkaPort);

        EmbeddedServers first = EmbeddedServers.start(settings);
        try {
            assertThat(first.postgresPort()).isEqualTo(postgresPort);
            assertThat(first.redisPort()).isEqualTo(redisPort);
            assertThat(first.kafkaBootstrapServers()).isEqualTo("localhost:" + kafkaPort);
            execute(first.createDatabase("survivor"), "CREATE TABLE kept (id int)");
            assertThat(redisCommand(first.redisHost(), redisPort, "PING")).isEqualTo("+PONG");
            assertRoundTrip(first.kafkaBootstrapServers());
        }
        finally {
            first.stop();
        }
        assertThat(first.isStopped()).isTrue();
        assertPortsFree(postgresPort, redisPort, kafkaPort);

        EmbeddedServers restarted = EmbeddedServers.start(settings);
        try {
            assertThat(restarted.databaseExists("survivor")).isTrue();
            assertThat(queryInt(restarted.jdbcUrl("survivor"),
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'kept'")).isOne();
        }
        finally {
            restarted.stop();
        }

        EmbeddedServers fresh = EmbeddedServers.start(settings.withFreshData(true));
        try {
            assertThat(fresh.databaseExists("survivor")).isFalse();
        }
        finally {
            fresh.stop();
        }
        assertPortsFree(postgresPort, redisPort, kafkaPort);
    }

    @Test
    void aPortThatIsTakenFailsTheStartAndLeavesNothingRunning(@TempDir Path dataDirectory) throws Exception {
        int postgresPort = freePort();
        int kafkaPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedServersSettings settings = EmbeddedServersSettings.localRun(dataDirectory)
                    .withPorts(postgresPort, taken.getLocalPort(), kafkaPort);

            assertThatThrownBy(() -> EmbeddedServers.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Redis port " + taken.getLocalPort());
        }
        assertPortsFree(postgresPort, kafkaPort);
    }

    static void assertRoundTrip(String bootstrapServers) throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get();
        }
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
                        .containsExactly(tuple("key-1", "hello"));
            });
        }
    }

    static String redisCommand(String host, int port, String command) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static void assertPortsFree(int... ports) {
        for (int port : ports) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                    assertThat(probe.getLocalPort()).isEqualTo(port);
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int queryInt(String url, String sql) throws SQLException {
        return Integer.parseInt(queryString(url, sql));
    }

    private static String queryString(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedServers.POSTGRES_USERNAME, EmbeddedServers.POSTGRES_PASSWORD);
    }
}
