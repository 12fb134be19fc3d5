package io.cryptotracker.notifications.users;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.messaging.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The shared consumer of the users topic (group {@code notification-service}): writes registrations, tier and
 * preference changes into {@code user_projection} once per event, and into this replica's {@link UserDirectory}.
 * Other replicas learn them through their own live consumer.
 */
@Component
class SharedUsersListener {

    static final String CONSUMER = "notification-service.user-projection";

    private final IdempotentConsumer idempotent;
    private final UserProjectionStore store;
    private final UserDirectory directory;

    SharedUsersListener(IdempotentConsumer idempotent, UserProjectionStore store, UserDirectory directory) {
        this.idempotent = idempotent;
        this.store = store;
        this.directory = directory;
    }

    @KafkaListener(id = "notification-service-shared-users", topics = Topics.USERS,
            groupId = "${spring.kafka.consumer.group-id:notification-service}")
    void onUserEvent(String payload) {
        DomainEvent event = EventJson.tryRead(payload).orElse(null);
        if (event == null || UserDirectory.userIdOf(event) == null || event.eventId() == null
                || event.occurredAt() == null) {
            return;
        }
        idempotent.process(CONSUMER, event.eventId(), () -> store.write(event));
        directory.apply(event); // idempotent: also after a redelivery that the database already had
    }
}
