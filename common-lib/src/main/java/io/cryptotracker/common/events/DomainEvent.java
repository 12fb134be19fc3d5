package io.cryptotracker.common.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event one service publishes for others (SPEC "Events"): every event carries its id, type, version and time.
 * Serialized as snake_case JSON by {@link EventJson}; the {@code type} field selects the record on reading.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = UserRegistered.class, name = UserRegistered.TYPE),
        @JsonSubTypes.Type(value = SubscriptionChanged.class, name = SubscriptionChanged.TYPE),
        @JsonSubTypes.Type(value = PreferencesChanged.class, name = PreferencesChanged.TYPE),
        @JsonSubTypes.Type(value = PasswordChanged.class, name = PasswordChanged.TYPE),
        @JsonSubTypes.Type(value = AuditEvent.class, name = AuditEvent.TYPE),
        @JsonSubTypes.Type(value = MarketSnapshot.class, name = MarketSnapshot.TYPE),
        @JsonSubTypes.Type(value = FundingIntervalChanged.class, name = FundingIntervalChanged.TYPE),
        @JsonSubTypes.Type(value = SignalCreated.class, name = SignalCreated.TYPE),
        @JsonSubTypes.Type(value = SignalUpdated.class, name = SignalUpdated.TYPE),
        @JsonSubTypes.Type(value = SignalClosed.class, name = SignalClosed.TYPE),
        @JsonSubTypes.Type(value = SignalDeleted.class, name = SignalDeleted.TYPE) })
public interface DomainEvent {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    /** The Kafka record key: events with the same key are delivered in order. */
    @JsonIgnore
    String partitionKey();

    /** Fails fast when a record is built with another type name than its own. */
    static String requireType(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("Event type must be " + expected + " but was " + actual);
        }
        return actual;
    }
}
