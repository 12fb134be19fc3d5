package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin removed a signal; {@code data} is its last state. Key: signal id. {@code seq} is the event's position in the whole signal stream (strictly increasing,
 * assigned by signals-service in the change's transaction); {@code data} is the signal as the REST API shows it.
 */
public record SignalDeleted(UUID eventId, String type, int version, Instant occurredAt, UUID signalId, long seq,
        SignalData data) implements DomainEvent {

    public static final String TYPE = "SignalDeleted";

    public SignalDeleted {
        DomainEvent.requireType(TYPE, type);
    }

    public static SignalDeleted of(long seq, SignalData data, Instant occurredAt) {
        return new SignalDeleted(UUID.randomUUID(), TYPE, 1, occurredAt, data.id(), seq, data);
    }

    @Override
    public String partitionKey() {
        return signalId.toString();
    }
}
