package io.cryptotracker.notifications.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class PreferencesTest {

    static Preferences quiet(String start, String end, String zone) {
        return new Preferences(new Preferences.Channels(true, true, true), List.of(), BigDecimal.ONE, List.of(),
                List.of(), new Preferences.QuietHours(LocalTime.parse(start), LocalTime.parse(end)), zone);
    }

    @Test
    void theDefaultsAreUserServicesDefaults() {
        Preferences defaults = Preferences.DEFAULT;

        assertThat(defaults.channels()).isEqualTo(new Preferences.Channels(true, false, true));
        assertThat(defaults.kinds()).containsExactly("mexc-spot-futures", "funding-rate", "mexc-dex");
        assertThat(defaults.minSpreadPercent()).isEqualByComparingTo("1.0");
        assertThat(defaults.symbolsAllow()).isEmpty();
        assertThat(defaults.symbolsDeny()).isEmpty();
        assertThat(defaults.quietHours()).isNull();
        assertThat(defaults.timezone()).isEqualTo("UTC");
    }

    @Test
    void quietHoursWithinADayHoldFromStartUntilEnd() {
        Preferences prefs = quiet("13:00", "15:00", "UTC");

        assertThat(prefs.quietAt(Instant.parse("2026-11-24T12:59:59Z"))).isFalse();
        assertThat(prefs.quietAt(Instant.parse("2026-11-24T13:00:00Z"))).isTrue();
        assertThat(prefs.quietAt(Instant.parse("2026-11-24T14:59:59Z"))).isTrue();
        assertThat(prefs.quietAt(Instant.parse("2026-11-24T15:00:00Z"))).isFalse();
        assertThat(prefs.quietUntil(Instant.parse("2026-11-24T14:00:00Z"))).isEqualTo("2026-11-24T15:00:00Z");
    }

    @Test
    void quietHoursCrossingMidnightEndTheNextMorningInTheUsersZone() {
        // 23:00-07:00 in Berlin (UTC+1 in November)
        Preferences prefs = quiet("23:00", "07:00", "Europe/Berlin");

        assertThat(prefs.quietAt(Instant.parse("2026-11-24T21:59:00Z"))).isFalse();
        assertThat(prefs.quietAt(Instant.parse("2026-11-24T22:30:00Z"))).isTrue();
        assertThat(prefs.quietUntil(Instant.parse("2026-11-24T22:30:00Z"))).isEqualTo("2026-11-25T06:00:00Z");
        assertThat(prefs.quietAt(Instant.parse("2026-11-25T03:00:00Z"))).isTrue();
        assertThat(prefs.quietUntil(Instant.parse("2026-11-25T03:00:00Z"))).isEqualTo("2026-11-25T06:00:00Z");
        assertThat(prefs.quietAt(Instant.parse("2026-11-25T06:00:00Z"))).isFalse();
    }

    @Test
    void noQuietHoursOrAnEmptyWindowHoldNothing() {
        Instant now = Instant.parse("2026-11-24T03:00:00Z");

        assertThat(Preferences.DEFAULT.quietAt(now)).isFalse();
        assertThat(Preferences.DEFAULT.quietUntil(now)).isEqualTo(now);
        assertThat(quiet("03:00", "03:00", "UTC").quietAt(now)).isFalse();
    }

    @Test
    void anUnknownTimezoneCountsAsUtc() {
        assertThat(quiet("01:00", "02:00", "Mars/Olympus").zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void theStoredJsonFormReadsBackEqual() {
        Preferences prefs = quiet("23:00", "07:00", "Asia/Tokyo");

        assertThat(PreferencesJson.read(PreferencesJson.write(prefs))).isEqualTo(prefs);
        assertThat(PreferencesJson.write(prefs)).contains("\"min_spread_percent\"", "\"quiet_hours\"");
    }
}
