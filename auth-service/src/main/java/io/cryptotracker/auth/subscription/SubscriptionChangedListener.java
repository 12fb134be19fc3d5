package io.cryptotracker.auth.subscription;

import java.time.Clock;

import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.messaging.IdempotentConsumer;
import io.cryptotracker.common.security.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each account's tier in step with user-service's subscriptions: a {@code SubscriptionChanged} sets the tier
 * the next refreshed access token carries. Each event is applied once; an older event never overrides a newer
 * one; other event types on the topic are ignored.
 */
@Component
class SubscriptionChangedListener {

    static final String CONSUMER = "auth-service.subscription-changed";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionChangedListener.class);

    private final IdempotentConsumer idempotent;
    private final UserAccounts users;
    private final Clock clock;

    SubscriptionChangedListener(IdempotentConsumer idempotent, UserAccounts users, Clock clock) {
        this.idempotent = idempotent;
        this.users = users;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.USERS, groupId = "${spring.kafka.consumer.group-id:auth-service}")
    void onUserEvent(String payload) {
        DomainEvent event = EventJson.tryRead(payload).orElse(null);
        if (event instanceof SubscriptionChanged changed) {
            apply(changed);
        }
    }

    void apply(SubscriptionChanged event) {
        Tier tier;
        try {
            tier = Tier.valueOf(event.tier());
        }
        catch (RuntimeException ex) {
            log.warn("Ignoring SubscriptionChanged {} with unknown tier {}", event.eventId(), event.tier());
            return;
        }
        idempotent.process(CONSUMER, event.eventId(), () -> {
            if (users.changeTier(event.userId(), tier, event.occurredAt(), clock.instant())) {
                log.info("User {} is now {}", event.userId(), tier);
            }
            else {
                log.info("SubscriptionChanged {} not applied: user {} unknown or a newer change was applied",
                        event.eventId(), event.userId());
            }
        });
    }
}
