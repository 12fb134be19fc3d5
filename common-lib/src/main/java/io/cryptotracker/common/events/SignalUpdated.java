package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An open signal moved: its spread, prices or details changed. Key: signal id. {@code seq} is the event's position in the whole signal stream (strictly increasing,
 * assigned by signals-service in the change's transaction); {@code data} is the signal as the REST API shows it.
 */
public record SignalUpdated(UUID eventId, String type, int version, Instant occurredAt, UUID signalId, long seq,
        SignalData data) implements DomainEvent {

    public static final String TYPE = "SignalUpdated";

    public SignalUpdated {
        DomainEvent.requireType(TYPE, type);
    }

    public static SignalUpdated of(long seq, SignalData data, Instant occurredAt) {
        return new SignalUpdated(UUID.randomUUID(), TYPE, 1, occurredAt, data.id(), seq, data);
    }

    @Override
    public String partitionKey() {
        return signalId.toString();
    }
}
