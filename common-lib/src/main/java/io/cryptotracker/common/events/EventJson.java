package io.cryptotracker.common.events;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON form of events on Kafka and in the outbox: snake_case, ISO-8601 times, unknown fields ignored. */
public final class EventJson {

    private static final Logger log = LoggerFactory.getLogger(EventJson.class);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Reads any event; the {@code type} field picks the record. */
    public static DomainEvent read(String json) {
        return MAPPER.readValue(json, DomainEvent.class);
    }

    /**
     * Reads an event, or nothing for a record this version cannot read (a newer producer's type, garbage): a
     * consumer skips it instead of blocking its partition on a record no retry can fix.
     */
    public static Optional<DomainEvent> tryRead(String json) {
        try {
            return Optional.of(read(json));
        }
        catch (RuntimeException ex) {
            log.debug("Skipping a record that is not an event this service knows: {}", ex.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public static <T extends DomainEvent> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /** A part of an event (e.g. {@link SignalData.Execution}) in the same JSON form, to store it whole. */
    public static String writePart(Object part) {
        return MAPPER.writeValueAsString(part);
    }

    /** Reads a part written by {@link #writePart}. */
    public static <T> T readPart(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
