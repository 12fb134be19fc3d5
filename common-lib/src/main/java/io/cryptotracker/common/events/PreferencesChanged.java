package io.cryptotracker.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A user's notification preferences, complete as they are after the change. */
public record PreferencesChanged(UUID eventId, String type, int version, Instant occurredAt,
        UUID userId, Channels channels, List<String> kinds, BigDecimal minSpreadPercent,
        List<String> symbolsAllow, List<String> symbolsDeny, QuietHours quietHours, String timezone)
        implements DomainEvent {

    public static final String TYPE = "PreferencesChanged";

    public PreferencesChanged {
        DomainEvent.requireType(TYPE, type);
        kinds = List.copyOf(kinds);
        symbolsAllow = List.copyOf(symbolsAllow);
        symbolsDeny = List.copyOf(symbolsDeny);
    }

    public static PreferencesChanged of(UUID userId, Channels channels, List<String> kinds,
            BigDecimal minSpreadPercent, List<String> symbolsAllow, List<String> symbolsDeny, QuietHours quietHours,
            String timezone) {
        return new PreferencesChanged(UUID.randomUUID(), TYPE, 1, Instant.now(), userId, channels, kinds,
                minSpreadPercent, symbolsAllow, symbolsDeny, quietHours, timezone);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }

    /** Which notification channels are on. */
    public record Channels(boolean browser, boolean email, boolean sound) {
    }

    /** Local times (in the user's timezone) between which email is held back; null when not set. */
    public record QuietHours(LocalTime start, LocalTime end) {
    }
}
