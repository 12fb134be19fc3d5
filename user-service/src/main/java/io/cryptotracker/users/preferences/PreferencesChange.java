package io.cryptotracker.users.preferences;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.cryptotracker.common.symbols.Symbol;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.ValidationException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /users/me/preferences}: a field left out keeps its value, a field given replaces it
 * ({@code channels} merges per channel), {@code quiet_hours: null} clears the quiet hours. A field left out reads as
 * null and a JSON {@code null} as {@code Optional.empty()} ({@code config/StrictRequestJson}), so
 * {@code Optional<@NotNull T>} refuses an explicit null while letting the field be left out. Kinds are kept in their canonical order and symbols as
 * {@code BASE/QUOTE}, each once.
 */
public record PreferencesChange(
        Optional<@NotNull @Valid Channels> channels,
        Optional<@NotNull List<@NotNull SignalKind>> kinds,
        Optional<@NotNull(message = SPREAD) @DecimalMin(value = "0", message = SPREAD)
                @DecimalMax(value = "100", message = SPREAD)
                @MaxDecimals(3) BigDecimal> minSpreadPercent,
        Optional<@NotNull @Size(max = MAX_SYMBOLS, message = "must have at most {max} pairs")
                List<@NotNull @Symbol(message = PAIR) String>> symbolsAllow,
        Optional<@NotNull @Size(max = MAX_SYMBOLS, message = "must have at most {max} pairs")
                List<@NotNull @Symbol(message = PAIR) String>> symbolsDeny,
        Optional<@Valid QuietHours> quietHours,
        Optional<@NotNull @TimeZoneId String> timezone) {

    static final int MAX_SYMBOLS = 200;
    static final String SPREAD = "must be a number from 0 to 100";
    static final String PAIR = "must be a pair such as BTC/USDT, BTCUSDT, BTC_USDT or a coin such as BTC";

    /** Channels to switch; a channel left out keeps its setting. */
    public record Channels(Optional<@NotNull Boolean> browser, Optional<@NotNull Boolean> email,
            Optional<@NotNull Boolean> sound) {
    }

    /** A daily window as {@code HH:mm}; both times or neither (then no quiet hours), and different. */
    @Schema(nullable = true)
    public record QuietHours(@Pattern(regexp = HH_MM, message = TIME) String start,
            @Pattern(regexp = HH_MM, message = TIME) String end) {

        static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
        static final String TIME = "must be a time of day as HH:mm, e.g. 23:00";

        /** The window, or null for neither time. */
        Preferences.QuietHours toWindow() {
            if (start == null && end == null) {
                return null;
            }
            if (start == null || end == null) {
                throw new ValidationException(start == null ? "quiet_hours.start" : "quiet_hours.end",
                        "must be given together with " + (start == null ? "end" : "start") + " (or both left out)");
            }
            if (start.equals(end)) {
                throw new ValidationException("quiet_hours.end", "must differ from start");
            }
            return new Preferences.QuietHours(LocalTime.parse(start), LocalTime.parse(end));
        }
    }

    /** The JSON names of the fields the body gave, for the audit entry. */
    public List<String> fieldNames() {
        Map<String, Optional<?>> fields = new LinkedHashMap<>();
        fields.put("channels", channels);
        fields.put("kinds", kinds);
        fields.put("min_spread_percent", minSpreadPercent);
        fields.put("symbols_allow", symbolsAllow);
        fields.put("symbols_deny", symbolsDeny);
        fields.put("quiet_hours", quietHours);
        fields.put("timezone", timezone);
        return fields.entrySet().stream().filter(field -> field.getValue() != null).map(Map.Entry::getKey).toList();
    }

    /**
     * The preferences with this change applied.
     *
     * @throws ValidationException for quiet hours with one time or two equal ones, and when the result would have
     *         a pair in both symbol lists
     */
    public Preferences applyTo(Preferences current) {
        Preferences.Channels now = current.channels();
        Preferences.Channels merged = channels == null ? now : channels.map(c -> new Preferences.Channels(
                given(c.browser(), now.browser()), given(c.email(), now.email()), given(c.sound(), now.sound())))
                .orElseThrow();
        Preferences.QuietHours window = quietHours == null ? current.quietHours()
                : quietHours.map(QuietHours::toWindow).orElse(null);
        List<String> allow = symbolsAllow == null ? current.symbolsAllow() : pairs(symbolsAllow.orElseThrow());
        List<String> deny = symbolsDeny == null ? current.symbolsDeny() : pairs(symbolsDeny.orElseThrow());
        List<String> both = allow.stream().filter(deny::contains).toList();
        if (!both.isEmpty()) {
            throw new ValidationException(symbolsDeny != null ? "symbols_deny" : "symbols_allow",
                    "must not name a pair that is also in the other symbol list: " + String.join(", ", both));
        }
        return new Preferences(merged, kinds == null ? current.kinds() : canonical(kinds.orElseThrow()),
                given(minSpreadPercent, current.minSpreadPercent()), allow, deny, window,
                given(timezone, current.timezone()));
    }

    private static <T> T given(Optional<T> field, T current) {
        return field == null ? current : field.orElseThrow();
    }

    private static List<String> canonical(List<SignalKind> kinds) {
        return Stream.of(SignalKind.values()).filter(kinds::contains).map(SignalKind::apiName).toList();
    }

    private static List<String> pairs(List<String> symbols) {
        return List.copyOf(symbols.stream().map(symbol -> Symbols.normalize(symbol).orElseThrow())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
