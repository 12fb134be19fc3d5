package io.cryptotracker.users.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PreferencesPatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anEmptyBodyChangesNothing() {
        Preferences current = Preferences.defaults();

        assertThat(patch("{}").applyTo(current)).isEqualTo(current);
    }

    @Test
    void namedFieldsReplaceAndChannelsMergePerChannel() {
        Preferences changed = patch("""
                {"channels": {"email": true}, "kinds": ["mexc-dex", "mexc-spot-futures"], "min_spread_percent": 2.50,
                 "symbols_deny": ["dogeusdt"], "quiet_hours": {"start": "22:30", "end": "06:00"},
                 "timezone": "America/New_York"}
                """).applyTo(Preferences.defaults());

        assertThat(changed.channels()).isEqualTo(new Preferences.Channels(true, true, true));
        assertThat(changed.kinds()).containsExactly("mexc-spot-futures", "mexc-dex");
        assertThat(changed.minSpreadPercent()).isEqualTo(new BigDecimal("2.5"));
        assertThat(changed.symbolsAllow()).isEmpty();
        assertThat(changed.symbolsDeny()).containsExactly("DOGE/USDT");
        assertThat(changed.quietHours()).isEqualTo(new Preferences.QuietHours(LocalTime.of(22, 30), LocalTime.of(6, 0)));
        assertThat(changed.timezone()).isEqualTo("America/New_York");
    }

    @Test
    void nullQuietHoursClearThemAndAbsentQuietHoursKeepThem() {
        Preferences quiet = patch("{\"quiet_hours\": {\"start\": \"23:00\", \"end\": \"07:00\"}}")
                .applyTo(Preferences.defaults());

        assertThat(patch("{\"timezone\": \"UTC\"}").applyTo(quiet).quietHours()).isNotNull();
        assertThat(patch("{\"quiet_hours\": null}").applyTo(quiet).quietHours()).isNull();
        assertThat(patch("{\"quiet_hours\": {\"start\": null, \"end\": null}}").applyTo(quiet).quietHours()).isNull();
    }

    @Test
    void duplicateSymbolsInAnySpellingAreKeptOnce() {
        Preferences changed = patch("{\"symbols_allow\": [\"BTC\", \"btcusdt\", \"BTC/USDT\", \"ETH\"]}")
                .applyTo(Preferences.defaults());

        assertThat(changed.symbolsAllow()).containsExactly("BTC/USDT", "ETH/USDT");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsField() {
        assertThat(errors("""
                {"channels": {"sound": 1}, "kinds": ["funding-rate", "x"], "min_spread_percent": 101,
                 "symbols_allow": ["??"], "quiet_hours": {"end": "07:00"}, "timezone": "Europe/Nowhere", "extra": 1}
                """)).containsExactlyInAnyOrder("extra", "channels.sound", "kinds[1]", "min_spread_percent",
                "symbols_allow[0]", "quiet_hours.start", "timezone");
    }

    @Test
    void theSpreadIsBoundedAndHasAtMostThreeDecimals() {
        assertThat(patch("{\"min_spread_percent\": 0}").applyTo(Preferences.defaults()).minSpreadPercent())
                .isEqualByComparingTo("0");
        assertThat(patch("{\"min_spread_percent\": 100}").applyTo(Preferences.defaults()).minSpreadPercent())
                .isEqualTo(new BigDecimal("100"));
        assertThat(patch("{\"min_spread_percent\": 0.125}").applyTo(Preferences.defaults()).minSpreadPercent())
                .isEqualTo(new BigDecimal("0.125"));
        assertThat(errors("{\"min_spread_percent\": 0.1255}")).containsExactly("min_spread_percent");
        assertThat(errors("{\"min_spread_percent\": -1}")).containsExactly("min_spread_percent");
        assertThat(errors("{\"min_spread_percent\": null}")).containsExactly("min_spread_percent");
    }

    @Test
    void aPairMayNotBeAllowedAndDeniedEvenAcrossTwoRequests() {
        assertThat(errors("{\"symbols_allow\": [\"BTC\"], \"symbols_deny\": [\"BTC_USDT\"]}"))
                .containsExactly("symbols_deny");
        Preferences allowing = patch("{\"symbols_allow\": [\"BTC\"]}").applyTo(Preferences.defaults());

        assertThatThrownBy(() -> patch("{\"symbols_deny\": [\"btc/usdt\"]}").applyTo(allowing))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(fields(ex))
                        .containsExactly("symbols_deny"));
    }

    @Test
    void listsAreBoundedAndTimezonesMustBeIanaIds() {
        String many = "[" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 201)
                .mapToObj(i -> "\"C" + i + "\"").toList()) + "]";

        assertThat(errors("{\"symbols_deny\": " + many + "}")).containsExactly("symbols_deny");
        assertThat(errors("{\"timezone\": \"GMT+2\"}")).containsExactly("timezone");
        assertThat(patch("{\"timezone\": \"Asia/Tokyo\"}").applyTo(Preferences.defaults()).timezone())
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void quietHoursNeedBothDifferentTimesAsHoursAndMinutes() {
        assertThat(errors("{\"quiet_hours\": {\"start\": \"23:00\"}}")).containsExactly("quiet_hours.end");
        assertThat(errors("{\"quiet_hours\": {\"start\": \"23:00:00\", \"end\": \"07:00\"}}"))
                .containsExactly("quiet_hours.start");
        assertThat(errors("{\"quiet_hours\": {\"start\": \"10:00\", \"end\": \"10:00\"}}"))
                .containsExactly("quiet_hours.end");
        assertThat(errors("{\"quiet_hours\": \"night\"}")).containsExactly("quiet_hours");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> PreferencesPatch.parse(JSON.readTree("[]"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void theFieldNamesOfTheBodyAreKnownForTheAuditEntry() {
        assertThat(patch("{\"timezone\": \"UTC\", \"kinds\": []}").fieldNames()).containsExactly("timezone", "kinds");
    }

    private static PreferencesPatch patch(String json) {
        return PreferencesPatch.parse(JSON.readTree(json));
    }

    private static List<String> errors(String json) {
        try {
            PreferencesPatch.parse(JSON.readTree(json));
        }
        catch (ValidationException ex) {
            return fields(ex);
        }
        throw new AssertionError("expected a ValidationException for " + json);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ValidationException ex) {
        return ((List<FieldError>) ex.properties().get("errors")).stream().map(FieldError::field).distinct().toList();
    }
}
