package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.PasswordChanged;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.EmbeddedServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@EmbeddedInfrastructure
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml",
        "cryptotracker.outbox.poll-interval=100ms", "cryptotracker.outbox.send-timeout=2s" })
class OutboxIntegrationTest {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    OutboxProperties properties;

    private final String topic = "outbox-test-" + UUID.randomUUID();

    @AfterEach
    void relayRunsAgain() {
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    @Test
    void committedEventsReachKafkaInCommitOrderPerKeyAndAreMarkedSent() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<PasswordChanged> written = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        for (int i = 0; i < 20; i++) {
            PasswordChanged event = PasswordChanged.of(i % 2 == 0 ? alice : bob, Instant.now());
            written.add(event);
            tx.executeWithoutResult(status -> outbox.append(topic, event));
        }

        List<ConsumerRecord<String, String>> received = consume(topic, 20);

        for (UUID user : List.of(alice, bob)) {
            List<UUID> sentIds = written.stream().filter(e -> e.userId().equals(user)).map(PasswordChanged::eventId)
                    .toList();
            List<UUID> receivedIds = received.stream().filter(r -> r.key().equals(user.toString()))
                    .map(r -> EventJson.read(r.value()).eventId()).toList();
            assertThat(receivedIds).containsExactlyElementsOf(sentIds);
        }
        ConsumerRecord<String, String> first = received.get(0);
        assertThat(new String(first.headers().lastHeader("event_type").value())).isEqualTo("PasswordChanged");
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent(topic) == 0);
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        PasswordChanged doomed = PasswordChanged.of(UUID.randomUUID(), Instant.now());
        PasswordChanged kept = PasswordChanged.of(UUID.randomUUID(), Instant.now());

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            outbox.append(topic, doomed);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(status -> outbox.append(topic, kept));

        List<ConsumerRecord<String, String>> received = consume(topic, 1);
        assertThat(received).extracting(r -> EventJson.read(r.value()).eventId()).containsExactly(kept.eventId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class,
                doomed.eventId())).isZero();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(topic, PasswordChanged.of(UUID.randomUUID(), Instant.now())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsWaitWhileKafkaIsUnreachableAndArriveOnceARelayCanSendThem() {
        relay.stop();
        OutboxRelay cutOff = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), unreachableKafka(),
                properties, null);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        PasswordChanged first = PasswordChanged.of(UUID.randomUUID(), Instant.now());
        PasswordChanged second = PasswordChanged.of(first.userId(), Instant.now());
        tx.executeWithoutResult(status -> {
            outbox.append(topic, first);
            outbox.append(topic, second);
        });

        Duration pause = cutOff.round();

        assertThat(pause).isGreaterThan(properties.pollInterval());
        assertThat(unsent(topic)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE event_id = ?", Integer.class,
                first.eventId())).isEqualTo(1);

        // A relay that can reach Kafka again (as after a restart of the service) sends what was left, in order.
        relay.start();
        List<ConsumerRecord<String, String>> received = consume(topic, 2);
        assertThat(received).extracting(r -> EventJson.read(r.value()).eventId())
                .containsExactly(first.eventId(), second.eventId());
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent(topic) == 0);
    }

    private long unsent(String topic) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL",
                Long.class, topic);
        return count == null ? 0 : count;
    }

    private static KafkaTemplate<String, String> unreachableKafka() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer()));
    }

    static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
        }
        return received;
    }
}
