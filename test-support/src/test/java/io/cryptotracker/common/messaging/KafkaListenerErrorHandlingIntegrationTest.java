package io.cryptotracker.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.common.outbox.OutboxTestApplication;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.KafkaRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A listener on Boot's default container factory, in a bare service with common-lib: a record whose handling fails
 * is redelivered, with the pauses of {@code cryptotracker.kafka.listener.retry.*}, until it is handled, and the
 * records behind it on the partition wait for it. Real Kafka.
 */
@EmbeddedInfrastructure
@SpringBootTest(classes = { OutboxTestApplication.class, KafkaListenerErrorHandlingIntegrationTest.Listener.class },
        properties = { "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml",
                "cryptotracker.kafka.listener.retry.initial-interval=50ms",
                "cryptotracker.kafka.listener.retry.max-interval=200ms" })
class KafkaListenerErrorHandlingIntegrationTest {

    @Autowired
    Listener listener;

    static final String TOPIC = "listener-retry-test";

    @Test
    void aFailingRecordIsRedeliveredUntilHandledAndTheRecordsBehindItWait() {
        try (KafkaProducer<String, String> producer = KafkaRecords.producer()) {
            producer.send(new ProducerRecord<>(TOPIC, "key", "fails three times"));
            producer.send(new ProducerRecord<>(TOPIC, "key", "next"));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(listener.handled).containsExactly("fails three times", "next"));
        assertThat(listener.failures).hasValue(3);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listener {

        final List<String> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @KafkaListener(topics = TOPIC, groupId = "listener-retry-test")
        void on(String payload) {
            if (payload.startsWith("fails") && failures.get() < 3) {
                failures.incrementAndGet();
                throw new IllegalStateException("the database is away");
            }
            handled.add(payload);
        }
    }
}
