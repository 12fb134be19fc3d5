package io.cryptotracker.users.preferences;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import tools.jackson.databind.JsonNode;

/**
 * A {@code PUT /users/me/preferences} body, read and checked field by field: the fields it names replace the
 * current ones, absent fields stay as they are ({@code channels} is merged per channel; {@code quiet_hours: null}
 * clears the quiet hours). Every problem is reported with the JSON path of its field, all at once.
 * <ul>
 * <li>{@code channels}: {@code browser}, {@code email}, {@code sound} booleans</li>
 * <li>{@code kinds}: a list of {@link Preferences#KINDS}, duplicates dropped</li>
 * <li>{@code min_spread_percent}: a number from 0 to 100 with at most {@value #MAX_SCALE} decimals</li>
 * <li>{@code symbols_allow}, {@code symbols_deny}: at most {@value #MAX_SYMBOLS} pairs each, in any spelling
 * {@link Symbols} reads, stored as {@code BASE/QUOTE}; no pair in both lists</li>
 * <li>{@code quiet_hours}: {@code {start, end}} as {@code HH:mm}, both or neither (null), different times</li>
 * <li>{@code timezone}: an IANA zone id such as {@code Europe/Berlin} or {@code UTC}</li>
 * </ul>
 */
public final class PreferencesPatch {

    static final int MAX_SYMBOLS = 200;
    static final int MAX_SCALE = 3;
    static final BigDecimal MAX_SPREAD = new BigDecimal("100");

    private static final Set<String> FIELDS = Set.of("channels", "kinds", "min_spread_percent", "symbols_allow",
            "symbols_deny", "quiet_hours", "timezone");
    private static final Set<String> CHANNELS = Set.of("browser", "email", "sound");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> named = new ArrayList<>();
    private Boolean browser;
    private Boolean email;
    private Boolean sound;
    private List<String> kinds;
    private BigDecimal minSpreadPercent;
    private List<String> symbolsAllow;
    private List<String> symbolsDeny;
    private boolean quietHoursNamed;
    private Preferences.QuietHours quietHours;
    private String timezone;

    private PreferencesPatch() {
    }

    /**
     * @throws ValidationException naming every invalid field
     */
    public static PreferencesPatch parse(JsonNode body) {
        PreferencesPatch patch = new PreferencesPatch();
        patch.read(body);
        if (!patch.errors.isEmpty()) {
            throw new ValidationException(patch.errors);
        }
        return patch;
    }

    /** The JSON names of the fields the body gave, in body order. */
    public List<String> fieldNames() {
        return List.copyOf(named);
    }

    /**
     * The preferences with this patch applied.
     *
     * @throws ValidationException when the result would have a pair in both symbol lists
     */
    public Preferences applyTo(Preferences current) {
        Preferences.Channels channels = new Preferences.Channels(
                browser != null ? browser : current.channels().browser(),
                email != null ? email : current.channels().email(),
                sound != null ? sound : current.channels().sound());
        List<String> allow = symbolsAllow != null ? symbolsAllow : current.symbolsAllow();
        List<String> deny = symbolsDeny != null ? symbolsDeny : current.symbolsDeny();
        List<String> both = allow.stream().filter(deny::contains).toList();
        if (!both.isEmpty()) {
            String field = symbolsDeny != null ? "symbols_deny" : "symbols_allow";
            throw new ValidationException(field,
                    "must not name a pair that is also in the other symbol list: " + String.join(", ", both));
        }
        return new Preferences(channels, kinds != null ? kinds : current.kinds(),
                minSpreadPercent != null ? minSpreadPercent : current.minSpreadPercent(), allow, deny,
                quietHoursNamed ? quietHours : current.quietHours(), timezone != null ? timezone : current.timezone());
    }

    private void read(JsonNode body) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError(null, "the body must be a JSON object"));
            return;
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a preference; known are " + String.join(", ",
                        FIELDS.stream().sorted().toList())));
            }
            else {
                named.add(name);
            }
        }
        if (body.has("channels")) {
            readChannels(body.get("channels"));
        }
        if (body.has("kinds")) {
            kinds = readKinds(body.get("kinds"));
        }
        if (body.has("min_spread_percent")) {
            minSpreadPercent = readSpread(body.get("min_spread_percent"));
        }
        if (body.has("symbols_allow")) {
            symbolsAllow = readSymbols("symbols_allow", body.get("symbols_allow"));
        }
        if (body.has("symbols_deny")) {
            symbolsDeny = readSymbols("symbols_deny", body.get("symbols_deny"));
        }
        if (symbolsAllow != null && symbolsDeny != null) {
            List<String> both = symbolsAllow.stream().filter(symbolsDeny::contains).toList();
            if (!both.isEmpty()) {
                errors.add(new FieldError("symbols_deny",
                        "must not name a pair that is also in symbols_allow: " + String.join(", ", both)));
            }
        }
        if (body.has("quiet_hours")) {
            quietHoursNamed = true;
            quietHours = readQuietHours(body.get("quiet_hours"));
        }
        if (body.has("timezone")) {
            timezone = readTimezone(body.get("timezone"));
        }
    }

    private void readChannels(JsonNode node) {
        if (!node.isObject()) {
            errors.add(new FieldError("channels", "must be an object with browser, email and sound"));
            return;
        }
        for (String name : node.propertyNames()) {
            if (!CHANNELS.contains(name)) {
                errors.add(new FieldError("channels." + name, "is not a channel; known are browser, email, sound"));
            }
        }
        browser = readBoolean("channels.browser", node.get("browser"));
        email = readBoolean("channels.email", node.get("email"));
        sound = readBoolean("channels.sound", node.get("sound"));
    }

    private Boolean readBoolean(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return null;
        }
        return node.booleanValue();
    }

    private List<String> readKinds(JsonNode node) {
        if (!node.isArray()) {
            errors.add(new FieldError("kinds", "must be a list of " + String.join(", ", Preferences.KINDS)));
            return null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode kind = node.get(i);
            if (!kind.isString() || !Preferences.KINDS.contains(kind.stringValue())) {
                errors.add(new FieldError("kinds[" + i + "]", "must be one of " + String.join(", ", Preferences.KINDS)));
            }
            else {
                kinds.add(kind.stringValue());
            }
        }
        // kept in the canonical order, so the same choice always reads the same
        return Preferences.KINDS.stream().filter(kinds::contains).toList();
    }

    private BigDecimal readSpread(JsonNode node) {
        if (!node.isNumber()) {
            errors.add(new FieldError("min_spread_percent", "must be a number from 0 to 100"));
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || value.compareTo(MAX_SPREAD) > 0) {
            errors.add(new FieldError("min_spread_percent", "must be from 0 to 100"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(new FieldError("min_spread_percent", "must have at most " + MAX_SCALE + " decimal places"));
            return null;
        }
        return value;
    }

    private List<String> readSymbols(String field, JsonNode node) {
        if (!node.isArray()) {
            errors.add(new FieldError(field, "must be a list of pairs such as BTC/USDT"));
            return null;
        }
        if (node.size() > MAX_SYMBOLS) {
            errors.add(new FieldError(field, "must have at most " + MAX_SYMBOLS + " pairs"));
            return null;
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode symbol = node.get(i);
            String normalized = symbol.isString() ? Symbols.normalize(symbol.stringValue()).orElse(null) : null;
            if (normalized == null) {
                errors.add(new FieldError(field + "[" + i + "]",
                        "must be a pair such as BTC/USDT, BTCUSDT, BTC_USDT or a coin such as BTC"));
            }
            else {
                symbols.add(normalized);
            }
        }
        return List.copyOf(symbols);
    }

    private Preferences.QuietHours readQuietHours(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("quiet_hours", "must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"} or null"));
            return null;
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("start") && !name.equals("end")) {
                errors.add(new FieldError("quiet_hours." + name, "is not part of quiet hours; known are start, end"));
            }
        }
        JsonNode startNode = node.get("start");
        JsonNode endNode = node.get("end");
        boolean noStart = startNode == null || startNode.isNull();
        boolean noEnd = endNode == null || endNode.isNull();
        if (noStart && noEnd) {
            return null;
        }
        if (noStart || noEnd) {
            errors.add(new FieldError(noStart ? "quiet_hours.start" : "quiet_hours.end",
                    "must be given together with " + (noStart ? "end" : "start") + " (or both left out)"));
            return null;
        }
        LocalTime start = readTime("quiet_hours.start", startNode);
        LocalTime end = readTime("quiet_hours.end", endNode);
        if (start == null || end == null) {
            return null;
        }
        if (start.equals(end)) {
            errors.add(new FieldError("quiet_hours.end", "must differ from start"));
            return null;
        }
        return new Preferences.QuietHours(start, end);
    }

    private LocalTime readTime(String field, JsonNode node) {
        if (node.isString() && node.stringValue().matches("\\d{2}:\\d{2}")) {
            try {
                return LocalTime.parse(node.stringValue(), HH_MM);
            }
            catch (DateTimeParseException ex) {
                // reported below
            }
        }
        errors.add(new FieldError(field, "must be a time of day as HH:mm, e.g. 23:00"));
        return null;
    }

    private String readTimezone(JsonNode node) {
        if (node.isString() && ZoneId.getAvailableZoneIds().contains(node.stringValue())) {
            return node.stringValue();
        }
        errors.add(new FieldError("timezone", "must be an IANA time zone such as Europe/Berlin or UTC"));
        return null;
    }
}
