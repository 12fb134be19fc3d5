package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A signal was opened (by a detector, a Telegram post or an admin). Key: signal id. {@code seq} is the event's position in the whole signal stream (strictly increasing,
 * assigned by signals-service in the change's transaction); {@code data} is the signal as the REST API shows it.
 */
public record SignalCreated(UUID eventId, String type, int version, Instant occurredAt, UUID signalId, long seq,
        SignalData data) implements DomainEvent {

    public static final String TYPE = "SignalCreated";

    public SignalCreated {
        DomainEvent.requireType(TYPE, type);
    }

    public static SignalCreated of(long seq, SignalData data, Instant occurredAt) {
        return new SignalCreated(UUID.randomUUID(), TYPE, 1, occurredAt, data.id(), seq, data);
    }

    @Override
    public String partitionKey() {
        return signalId.toString();
    }
}
