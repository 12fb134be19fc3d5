package io.cryptotracker.users.preferences;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the ways traders write a pair ({@code BTC}, {@code BTCUSDT}, {@code BTC_USDT}, {@code btc/usdt},
 * {@code $BTC}, {@code BTC-USDT}) into one form, {@code BASE/QUOTE} upper case. A bare coin means its USDT pair;
 * a glued pair is split at a known quote currency.
 */
public final class Symbols {

    /** Longest first, so {@code BTCUSDT} splits at USDT rather than at USD. */
    static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDE", "USD", "EUR", "TRY",
            "BTC", "ETH", "BNB");

    static final String DEFAULT_QUOTE = "USDT";

    private static final Pattern PART = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern SEPARATOR = Pattern.compile("[/_\\-]");

    private Symbols() {
    }

    /** The normalized pair, or empty when the text is not a pair we can read. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("$")) {
            text = text.substring(1);
        }
        String base;
        String quote;
        String[] parts = SEPARATOR.split(text, -1);
        if (parts.length == 2) {
            base = parts[0];
            quote = parts[1];
        }
        else if (parts.length == 1) {
            base = text;
            quote = DEFAULT_QUOTE;
            for (String candidate : QUOTES) {
                if (text.length() > candidate.length() && text.endsWith(candidate)) {
                    base = text.substring(0, text.length() - candidate.length());
                    quote = candidate;
                    break;
                }
            }
        }
        else {
            return Optional.empty();
        }
        if (!PART.matcher(base).matches() || !PART.matcher(quote).matches() || base.equals(quote)) {
            return Optional.empty();
        }
        return Optional.of(base + "/" + quote);
    }
}
