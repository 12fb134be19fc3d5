package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A signal closed: its spread fell back, a later post or an admin closed it, or its time ran out. Key: signal id. {@code seq} is the event's position in the whole signal stream (strictly increasing,
 * assigned by signals-service in the change's transaction); {@code data} is the signal as the REST API shows it.
 */
public record SignalClosed(UUID eventId, String type, int version, Instant occurredAt, UUID signalId, long seq,
        SignalData data) implements DomainEvent {

    public static final String TYPE = "SignalClosed";

    public SignalClosed {
        DomainEvent.requireType(TYPE, type);
    }

    public static SignalClosed of(long seq, SignalData data, Instant occurredAt) {
        return new SignalClosed(UUID.randomUUID(), TYPE, 1, occurredAt, data.id(), seq, data);
    }

    @Override
    public String partitionKey() {
        return signalId.toString();
    }
}
