package io.cryptotracker.market.source;

import java.math.BigDecimal;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads source answers leniently and exactly: decimals stay {@link BigDecimal} whether a source sends them as
 * strings ({@code "97251.37"}) or numbers, and a missing, null, empty or unreadable value is null, never zero.
 */
public final class SourceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private SourceJson() {
    }

    /** @throws SourceException MALFORMED when the body is not JSON */
    public static JsonNode parse(SourceClient client, String body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw client.rejectBody(SourceException.Kind.MALFORMED, "empty body");
            }
            return tree;
        }
        catch (JacksonException ex) {
            throw client.rejectBody(SourceException.Kind.MALFORMED, "not JSON: " + ex.getOriginalMessage());
        }
    }

    /** Parses without a client, for recorded bodies. */
    public static JsonNode parse(String body) {
        return MAPPER.readTree(body);
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        return decimal(node.path(field));
    }

    public static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            String text = value.asString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(text);
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Epoch milliseconds sent as a number or a string. */
    public static Instant epochMillis(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null || value.signum() <= 0 ? null : Instant.ofEpochMilli(value.longValue());
    }

    public static Long whole(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null ? null : value.longValue();
    }
}
