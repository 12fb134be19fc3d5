package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.common.messaging.IdempotentConsumer;
import io.cryptotracker.common.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@EmbeddedInfrastructure
@SpringBootTest(classes = OutboxTestApplication.class,
        properties = "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml")
class IdempotentConsumerIntegrationTest {

    @Autowired
    IdempotentConsumer consumer;

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
}
