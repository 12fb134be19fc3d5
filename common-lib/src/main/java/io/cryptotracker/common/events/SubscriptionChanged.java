package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

/** A user's plan or its status changed; {@code tier} is what the user's tokens must now carry. */
public record SubscriptionChanged(UUID eventId, String type, int version, Instant occurredAt,
        UUID userId, String plan, String status, String tier, Instant startedAt, Instant expiresAt, boolean autoRenew)
        implements DomainEvent {

    public static final String TYPE = "SubscriptionChanged";

    public SubscriptionChanged {
        DomainEvent.requireType(TYPE, type);
    }

    public static SubscriptionChanged of(UUID userId, String plan, String status, String tier, Instant startedAt,
            Instant expiresAt, boolean autoRenew) {
        return new SubscriptionChanged(UUID.randomUUID(), TYPE, 1, Instant.now(), userId, plan, status, tier,
                startedAt, expiresAt, autoRenew);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
