package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A security-relevant action on a user's account (login, failed login, lock-out, password or plan change), kept
 * in the user's audit log by user-service. {@code ip} is the client address as the service saw it; no secrets.
 */
public record AuditEvent(UUID eventId, String type, int version, Instant occurredAt, UUID userId, String action,
        String outcome, String ip, String userAgent, Map<String, String> details) implements DomainEvent {

    public static final String TYPE = "AuditEvent";

    public AuditEvent {
        DomainEvent.requireType(TYPE, type);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent of(UUID userId, String action, String outcome, String ip, String userAgent,
            Map<String, String> details) {
        return new AuditEvent(UUID.randomUUID(), TYPE, 1, Instant.now(), userId, action, outcome, ip, userAgent,
                details);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
