package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.common.messaging.IdempotentConsumer;
import io.cryptotracker.common.messaging.ProcessedEventsCleanup;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@EmbeddedInfrastructure
@SpringBootTest(classes = OutboxTestApplication.class,
        properties = "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml")
class IdempotentConsumerIntegrationTest {

    @Autowired
    IdempotentConsumer consumer;

    @Autowired
    ProcessedEventsCleanup cleanup;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRedeliveredEventIsHandledOnce() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();

        assertThat(consumer.process("test.handler", eventId, handled::incrementAndGet)).isTrue();
        assertThat(consumer.process("test.handler", eventId, handled::incrementAndGet)).isFalse();

        assertThat(handled).hasValue(1);
    }

    @Test
    void anotherConsumerOfTheSameEventHandlesItToo() {
        UUID eventId = UUID.randomUUID();

        assertThat(consumer.process("test.first", eventId, () -> { })).isTrue();
        assertThat(consumer.process("test.second", eventId, () -> { })).isTrue();
    }

    @Test
    void aFailedHandlerLeavesTheEventForTheRetry() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();

        assertThatThrownBy(() -> consumer.process("test.flaky", eventId, () -> {
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(consumer.process("test.flaky", eventId, handled::incrementAndGet)).isTrue();
        assertThat(handled).hasValue(1);
    }

    @Test
    void idsOlderThanTheRetentionAreForgottenInSlicesAndNewerOnesStillStopARedelivery() {
        UUID recent = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        assertThat(consumer.process("test.cleanup", recent, () -> { })).isTrue();
        assertThat(consumer.process("test.cleanup", old, () -> { })).isTrue();
        jdbc.update("UPDATE processed_events SET processed_at = now() - interval '15 days' WHERE event_id = ?", old);
        // more than one slice of expired ids
        jdbc.update("INSERT INTO processed_events (consumer, event_id, processed_at) SELECT 'test.bulk', "
                + "gen_random_uuid(), now() - interval '20 days' FROM generate_series(1, 10050)");

        assertThat(cleanup.removeExpired()).isGreaterThanOrEqualTo(10_051);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE processed_at < now() - "
                + "interval '14 days'", Long.class)).isZero();
        assertThat(consumer.process("test.cleanup", recent, () -> { })).isFalse();
        assertThat(cleanup.removeExpired()).isZero();
    }
}
