package io.cryptotracker.signals.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one spelling of a symbol this service stores and compares: {@code BASE/QUOTE} in upper case. Reads
 * {@code BTC}, {@code $btc}, {@code BTCUSDT}, {@code BTC_USDT}, {@code BTC-USDT} and {@code BTC/USDT}; a bare
 * base asset is quoted in USDT.
 */
public final class Symbols {

    /** Quote assets recognised at the end of a glued symbol, longest first so {@code FDUSD} wins over {@code USD}. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "USDE", "BUSD", "USD");

    private static final Pattern SEPARATED = Pattern.compile("([A-Z0-9]{1,20})[/_\\-:]([A-Z0-9]{2,10})");
    private static final Pattern GLUED = Pattern.compile("[A-Z0-9]{1,30}");

    private Symbols() {
    }

    /** The unified symbol, or empty when the text is not a symbol. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.startsWith("$")) {
            value = value.substring(1);
        }
        var separated = SEPARATED.matcher(value);
        if (separated.matches()) {
            return Optional.of(separated.group(1) + "/" + separated.group(2));
        }
        if (!GLUED.matcher(value).matches() || value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        for (String quote : QUOTES) {
            if (value.length() > quote.length() && value.endsWith(quote)) {
                return Optional.of(value.substring(0, value.length() - quote.length()) + "/" + quote);
            }
        }
        return Optional.of(value + "/USDT");
    }
}
