package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

/** A user's password was changed and every refresh token of theirs revoked. */
public record PasswordChanged(UUID eventId, String type, int version, Instant occurredAt, UUID userId,
        Instant changedAt) implements DomainEvent {

    public static final String TYPE = "PasswordChanged";

    public PasswordChanged {
        DomainEvent.requireType(TYPE, type);
    }

    public static PasswordChanged of(UUID userId, Instant changedAt) {
        return new PasswordChanged(UUID.randomUUID(), TYPE, 1, Instant.now(), userId, changedAt);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
