package io.cryptotracker.users.profile;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.messaging.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Creates each registered user's profile, FREE plan and default preferences from {@code UserRegistered}, once per
 * event; the other events on the users topic (this service's own among them) are not for it.
 */
@Component
class UserRegisteredListener {

    static final String CONSUMER = "user-service.user-registered";
    private static final Logger log = LoggerFactory.getLogger(UserRegisteredListener.class);

    private final IdempotentConsumer idempotent;
    private final NewUsers newUsers;

    UserRegisteredListener(IdempotentConsumer idempotent, NewUsers newUsers) {
        this.idempotent = idempotent;
        this.newUsers = newUsers;
    }

    @KafkaListener(id = "user-service-users", topics = Topics.USERS,
            groupId = "${spring.kafka.consumer.group-id:user-service}")
    void onUserEvent(String payload) {
        DomainEvent event = EventJson.tryRead(payload).orElse(null);
        if (event instanceof UserRegistered registered) {
            if (registered.userId() == null || registered.email() == null || registered.registeredAt() == null) {
                // retrying cannot fix it, and blocking the partition would stall every later registration
                log.warn("Ignoring UserRegistered {} without user id, email or registration time",
                        registered.eventId());
                return;
            }
            idempotent.process(CONSUMER, registered.eventId(), () -> newUsers.registered(new UserProfile(
                    registered.userId(), registered.email(), registered.username(), registered.registeredAt())));
        }
    }
}
