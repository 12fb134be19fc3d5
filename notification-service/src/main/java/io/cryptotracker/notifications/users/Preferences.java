package io.cryptotracker.notifications.users;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.cryptotracker.common.events.PreferencesChanged;

/**
 * A user's notification preferences as user-service announces them ({@code PreferencesChanged}).
 *
 * @param kinds signal kinds (API names) the user wants; empty means every kind
 * @param minSpreadPercent the smallest gross spread worth a notification, in percent
 * @param symbolsAllow when not empty, only these pairs ({@code BASE/QUOTE})
 * @param symbolsDeny never these pairs
 * @param quietHours when email is held back, in {@code timezone}; null when not set
 * @param timezone an IANA zone id
 */
public record Preferences(Channels channels, List<String> kinds, BigDecimal minSpreadPercent,
        List<String> symbolsAllow, List<String> symbolsDeny, QuietHours quietHours, String timezone) {

    /** Signal kinds of SPEC, by API name. */
    public static final List<String> KINDS = List.of("mexc-spot-futures", "funding-rate", "mexc-dex");

    /** What user-service gives a new user: browser and sound on, email off, every kind, 1 % spread, no lists, UTC. */
    public static final Preferences DEFAULT = new Preferences(new Channels(true, false, true), KINDS,
            new BigDecimal("1.0"), List.of(), List.of(), null, "UTC");

    public Preferences {
        channels = channels == null ? new Channels(true, false, true) : channels;
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        minSpreadPercent = minSpreadPercent == null ? BigDecimal.ZERO : minSpreadPercent;
        symbolsAllow = symbolsAllow == null ? List.of() : List.copyOf(symbolsAllow);
        symbolsDeny = symbolsDeny == null ? List.of() : List.copyOf(symbolsDeny);
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
    }

    public static Preferences from(PreferencesChanged event) {
        PreferencesChanged.Channels channels = event.channels();
        PreferencesChanged.QuietHours quiet = event.quietHours();
        return new Preferences(
                channels == null ? null : new Channels(channels.browser(), channels.email(), channels.sound()),
                event.kinds(), event.minSpreadPercent(), event.symbolsAllow(), event.symbolsDeny(),
                quiet == null || quiet.start() == null || quiet.end() == null ? null
                        : new QuietHours(quiet.start(), quiet.end()),
                event.timezone());
    }

    /** The user's zone; UTC when the stored id is not one this JVM knows. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }

    /** Whether email is held back at this instant. */
    public boolean quietAt(Instant instant) {
        return quietHours != null && quietHours.contains(instant.atZone(zone()).toLocalTime());
    }

    /**
     * When the quiet hours that hold {@code instant} end (the first instant email may go again); {@code instant}
     * itself when it is not in quiet hours.
     */
    public Instant quietUntil(Instant instant) {
        if (!quietAt(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone());
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(quietHours.end())) {
            day = day.plusDays(1); // a window crossing midnight, now before it: it ends tomorrow
        }
        return ZonedDateTime.of(day, quietHours.end(), zone()).toInstant();
    }

    /** Which notification channels are on. */
    public record Channels(boolean browser, boolean email, boolean sound) {
    }

    /** A daily window in the user's timezone; it may cross midnight ({@code 23:00} to {@code 07:00}). */
    public record QuietHours(LocalTime start, LocalTime end) {

        /** Start inclusive, end exclusive; an empty window (start = end) holds nothing. */
        public boolean contains(LocalTime time) {
            if (start.equals(end)) {
                return false;
            }
            if (start.isBefore(end)) {
                return !time.isBefore(start) && time.isBefore(end);
            }
            return !time.isBefore(start) || time.isBefore(end);
        }
    }
}
