package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Kafka consumer lag reaches the metrics of every service with a listener, with no wiring of ours: Boot's Kafka
 * metrics auto-configuration binds Micrometer's {@code KafkaClientMetrics} to every consumer the auto-configured
 * {@link ConsumerFactory} creates (listener containers use the same factory), as
 * {@code kafka.consumer.fetch.manager.records.lag.max}, which Prometheus scrapes as
 * {@code kafka_consumer_fetch_manager_records_lag_max} – the name the {@code KafkaConsumerLag} alert and the dashboards
 * use. Real Kafka; the same context as {@link OutboxIntegrationTest}.
 */
@EmbeddedInfrastructure
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml",
        "cryptotracker.outbox.poll-interval=100ms", "cryptotracker.outbox.send-timeout=2s" })
class KafkaConsumerLagMetricTest {

    static final String LAG_METRIC = "kafka.consumer.fetch.manager.records.lag.max";

    @Autowired
    ConsumerFactory<Object, Object> consumers;

    @Autowired
    MeterRegistry meters;

    @Test
    void aConsumerBehindItsTopicReportsItsLag() {
        String topic = "lag-test-" + UUID.randomUUID();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "key", "event " + i));
            }
            producer.flush();
        }

        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "1");
        overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "1");
        String clientId = "lag-test-" + UUID.randomUUID();
        try (Consumer<Object, Object> consumer = consumers.createConsumer("lag-test-" + UUID.randomUUID(), clientId,
                null, overrides)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<Object, Object>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).isNotEmpty();
                assertThat(lagOf(clientId)).as("records behind the end of the topic").isGreaterThan(0);
            });
            assertThat(received.size()).as("still behind").isLessThan(20);
        }
    }

    private double lagOf(String clientId) {
        return meters.find(LAG_METRIC).gauges().stream()
                .filter(gauge -> String.valueOf(gauge.getId().getTag("client.id")).startsWith(clientId))
                .mapToDouble(Gauge::value)
                .filter(value -> !Double.isNaN(value))
                .max().orElse(Double.NaN);
    }
}
