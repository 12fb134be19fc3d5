package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user registered (or the configured first admin was created); user-service creates the profile from it. */
public record UserRegistered(UUID eventId, String type, int version, Instant occurredAt,
        UUID userId, String email, String username, List<String> roles, String tier, Instant registeredAt)
        implements DomainEvent {

    public static final String TYPE = "UserRegistered";

    public UserRegistered {
        DomainEvent.requireType(TYPE, type);
        roles = List.copyOf(roles);
    }

    public static UserRegistered of(UUID userId, String email, String username, List<String> roles, String tier,
            Instant registeredAt) {
        return new UserRegistered(UUID.randomUUID(), TYPE, 1, Instant.now(), userId, email, username, roles, tier,
                registeredAt);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
