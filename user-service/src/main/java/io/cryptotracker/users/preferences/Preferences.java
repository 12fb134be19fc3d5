package io.cryptotracker.users.preferences;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.cryptotracker.common.events.PreferencesChanged;

/**
 * A user's notification preferences, complete and valid (see {@link PreferencesChange} for the rules).
 *
 * @param kinds signal kinds the user wants, API names
 * @param symbolsAllow when not empty, only these pairs ({@code BASE/QUOTE})
 * @param symbolsDeny never these pairs
 * @param quietHours when email is held back, in {@code timezone}; null when not set
 * @param timezone an IANA zone id
 */
public record Preferences(Channels channels, List<String> kinds, BigDecimal minSpreadPercent,
        List<String> symbolsAllow, List<String> symbolsDeny, QuietHours quietHours, String timezone) {

    /** Signal kinds of SPEC, by API name. */
    public static final List<String> KINDS = Stream.of(SignalKind.values()).map(SignalKind::apiName)
            .toList();

    public Preferences {
        kinds = List.copyOf(kinds);
        minSpreadPercent = plain(minSpreadPercent);
        symbolsAllow = List.copyOf(symbolsAllow);
        symbolsDeny = List.copyOf(symbolsDeny);
    }

    /** 1.500 and 1.5 are the same preference; 100 stays 100 (not 1E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** What a new user starts with: browser and sound on, email off, every kind, 1 % spread, no lists, UTC. */
    public static Preferences defaults() {
        return new Preferences(new Channels(true, false, true), KINDS, new BigDecimal("1.0"), List.of(), List.of(),
                null, "UTC");
    }

    public PreferencesChanged changedEvent(UUID userId) {
        return PreferencesChanged.of(userId,
                new PreferencesChanged.Channels(channels.browser(), channels.email(), channels.sound()), kinds,
                minSpreadPercent, symbolsAllow, symbolsDeny,
                quietHours == null ? null : new PreferencesChanged.QuietHours(quietHours.start(), quietHours.end()),
                timezone);
    }

    /** Which notification channels are on. */
    public record Channels(boolean browser, boolean email, boolean sound) {
    }

    /** A daily window in the user's timezone; it may cross midnight ({@code 23:00} to {@code 07:00}). */
    public record QuietHours(LocalTime start, LocalTime end) {
    }
}
