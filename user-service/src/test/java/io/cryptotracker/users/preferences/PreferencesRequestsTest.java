package io.cryptotracker.users.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.cryptotracker.users.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PUT /users/me/preferences} in a web slice: how a body binds to {@link PreferencesChange}, which field each
 * bad value names in the problem+json answer, and how a valid change applies (absent keeps, null clears quiet hours).
 */
class PreferencesRequestsTest extends WebSlice {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Preferences current = Preferences.defaults();

    @BeforeEach
    void answer() {
        when(preferenceChanges.change(any(), any(), any()))
                .thenAnswer(call -> call.<PreferencesChange>getArgument(1).applyTo(current));
    }

    @Test
    void everyInvalidValueIsA400ProblemNamingItsJsonField() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"channels\": {\"email\": \"yes\"}}", "channels.email");
        cases.put("{\"channels\": {\"email\": null}}", "channels.email");
        cases.put("{\"channels\": {\"pager\": true}}", "channels.pager");
        cases.put("{\"channels\": true}", "channels");
        cases.put("{\"channels\": null}", "channels");
        cases.put("{\"kinds\": [\"mexc-spot-futures\", \"arbitrage\"]}", "kinds[1]");
        cases.put("{\"kinds\": [\"funding-rate\", null]}", "kinds[1]");
        cases.put("{\"kinds\": \"funding-rate\"}", "kinds");
        cases.put("{\"min_spread_percent\": -0.1}", "min_spread_percent");
        cases.put("{\"min_spread_percent\": 100.5}", "min_spread_percent");
        cases.put("{\"min_spread_percent\": 0.1255}", "min_spread_percent");
        cases.put("{\"min_spread_percent\": \"1.5\"}", "min_spread_percent");
        cases.put("{\"min_spread_percent\": null}", "min_spread_percent");
        cases.put("{\"symbols_allow\": [\"BTC\", \"not a pair!\"]}", "symbols_allow[1]");
        cases.put("{\"symbols_deny\": [42]}", "symbols_deny[0]");
        cases.put("{\"symbols_deny\": null}", "symbols_deny");
        cases.put("{\"symbols_allow\": [\"BTC\"], \"symbols_deny\": [\"btcusdt\"]}", "symbols_deny");
        cases.put("{\"symbols_allow\": " + symbols(201) + "}", "symbols_allow");
        cases.put("{\"quiet_hours\": {\"start\": \"23:00\"}}", "quiet_hours.end");
        cases.put("{\"quiet_hours\": {\"end\": \"07:00\"}}", "quiet_hours.start");
        cases.put("{\"quiet_hours\": {\"start\": \"25:00\", \"end\": \"07:00\"}}", "quiet_hours.start");
        cases.put("{\"quiet_hours\": {\"start\": \"7:00\", \"end\": \"08:00\"}}", "quiet_hours.start");
        cases.put("{\"quiet_hours\": {\"start\": \"23:00:00\", \"end\": \"07:00\"}}", "quiet_hours.start");
        cases.put("{\"quiet_hours\": {\"start\": \"08:00\", \"end\": \"08:00\"}}", "quiet_hours.end");
        cases.put("{\"quiet_hours\": {\"start\": \"08:00\", \"end\": \"09:00\", \"tz\": \"UTC\"}}", "quiet_hours.tz");
        cases.put("{\"quiet_hours\": \"night\"}", "quiet_hours");
        cases.put("{\"timezone\": \"Mars/Olympus\"}", "timezone");
        cases.put("{\"timezone\": \"+02:00\"}", "timezone");
        cases.put("{\"timezone\": null}", "timezone");
        cases.put("{\"colour\": \"blue\"}", "colour");

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            MvcResult result = send(c.getKey());
            JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asString()));
            if (result.getResponse().getStatus() != 400
                    || !String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")
                    || !fields.equals(List.of(c.getValue()))) {
                wrong.add(c.getKey() + " -> " + result.getResponse().getStatus() + " " + body);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theMessagesSayWhatIsExpected() throws Exception {
        assertThat(errors("{\"kinds\": [\"arbitrage\"]}").get(0).path("message").asString())
                .isEqualTo("must be one of mexc-spot-futures, funding-rate, mexc-dex");
        assertThat(errors("{\"symbols_allow\": [\"??\"]}").get(0).path("message").asString())
                .startsWith("must be a pair such as BTC/USDT");
        assertThat(errors("{\"extra\": 1}").get(0).path("message").asString()).startsWith("is not a field")
                .contains("symbols_allow", "quiet_hours");
    }

    @Test
    void namedFieldsReplaceTheRestStaysAndChannelsMergePerChannel() throws Exception {
        Preferences changed = applied("""
                {"channels": {"email": true}, "kinds": ["mexc-dex", "mexc-spot-futures", "mexc-dex"],
                 "min_spread_percent": 2.50, "symbols_deny": ["dogeusdt", "DOGE/USDT", "$pepe"],
                 "quiet_hours": {"start": "22:30", "end": "06:00"}, "timezone": "America/New_York"}
                """);

        assertThat(changed.channels()).isEqualTo(new Preferences.Channels(true, true, true));
        assertThat(changed.kinds()).containsExactly("mexc-spot-futures", "mexc-dex");
        assertThat(changed.minSpreadPercent()).isEqualTo(new BigDecimal("2.5"));
        assertThat(changed.symbolsAllow()).isEmpty();
        assertThat(changed.symbolsDeny()).containsExactly("DOGE/USDT", "PEPE/USDT");
        assertThat(changed.quietHours()).isEqualTo(new Preferences.QuietHours(LocalTime.of(22, 30), LocalTime.of(6, 0)));
        assertThat(changed.timezone()).isEqualTo("America/New_York");
        assertThat(applied("{}")).isEqualTo(Preferences.defaults());
    }

    @Test
    void nullQuietHoursClearThemAndAbsentQuietHoursKeepThem() throws Exception {
        current = applied("{\"quiet_hours\": {\"start\": \"23:00\", \"end\": \"07:00\"}}");

        assertThat(applied("{\"timezone\": \"UTC\"}").quietHours()).isNotNull();
        assertThat(applied("{\"quiet_hours\": null}").quietHours()).isNull();
        assertThat(applied("{\"quiet_hours\": {\"start\": null, \"end\": null}}").quietHours()).isNull();
    }

    @Test
    void aPairAlreadyAllowedCannotBeDeniedInALaterRequest() throws Exception {
        current = applied("{\"symbols_allow\": [\"BTC\"]}");

        assertThat(errors("{\"symbols_deny\": [\"btc/usdt\"]}")).extracting(e -> e.path("field").asString())
                .containsExactly("symbols_deny");
    }

    @Test
    void theSpreadIsBoundedWithAtMostThreeDecimals() throws Exception {
        assertThat(applied("{\"min_spread_percent\": 0}").minSpreadPercent()).isEqualByComparingTo("0");
        assertThat(applied("{\"min_spread_percent\": 100}").minSpreadPercent()).isEqualTo(new BigDecimal("100"));
        assertThat(applied("{\"min_spread_percent\": 0.125}").minSpreadPercent()).isEqualTo(new BigDecimal("0.125"));
        assertThat(applied("{\"min_spread_percent\": 1.5000}").minSpreadPercent()).isEqualTo(new BigDecimal("1.5"));
        assertThat(applied("{\"symbols_allow\": " + symbols(200) + "}").symbolsAllow()).hasSize(200);
    }

    @Test
    void theAuditEntryNamesTheFieldsTheBodyGave() throws Exception {
        send("{\"timezone\": \"UTC\", \"kinds\": []}");

        ArgumentCaptor<PreferencesChange> change = ArgumentCaptor.forClass(PreferencesChange.class);
        verify(preferenceChanges).change(any(), change.capture(), any());
        assertThat(change.getValue().fieldNames()).containsExactly("kinds", "timezone");
    }

    private MvcResult send(String json) throws Exception {
        return mvc.perform(put("/api/v1/users/me/preferences").contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn();
    }

    private Preferences applied(String json) throws Exception {
        MvcResult result = send(json);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        ArgumentCaptor<PreferencesChange> change = ArgumentCaptor.forClass(PreferencesChange.class);
        verify(preferenceChanges, org.mockito.Mockito.atLeastOnce()).change(any(), change.capture(), any());
        return change.getValue().applyTo(current);
    }

    private List<JsonNode> errors(String json) throws Exception {
        MvcResult result = send(json);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        List<JsonNode> errors = new ArrayList<>();
        JSON.readTree(result.getResponse().getContentAsString()).path("errors").forEach(errors::add);
        return errors;
    }

    private static String symbols(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "\"C" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
