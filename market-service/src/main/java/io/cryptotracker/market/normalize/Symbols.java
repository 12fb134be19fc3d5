package io.cryptotracker.market.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads every venue's spelling of an instrument – {@code BTCUSDT} (MEXC spot, Binance, Bybit), {@code BTC_USDT}
 * (MEXC futures), {@code BTC-USDT}, {@code BTC/USDT}, and the multiplied meme contracts {@code 1000PEPEUSDT},
 * {@code SHIB1000USDT}, {@code 1000000MOGUSDT} – into a {@link MarketSymbol}.
 */
public final class Symbols {

    /** Quote currencies, longest first so {@code FDUSD} is not read as {@code …FD} + {@code USD}. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "USDE", "USD", "EUR", "BTC", "ETH");
    private static final List<String> MULTIPLIER_PREFIXES = List.of("1000000", "10000", "1000", "1M");

    private Symbols() {
    }

    public static Optional<MarketSymbol> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim().toUpperCase(Locale.ROOT);
        String base;
        String quote;
        int separator = indexOfSeparator(text);
        if (separator > 0) {
            base = text.substring(0, separator);
            quote = text.substring(separator + 1);
        }
        else {
            quote = QUOTES.stream().filter(candidate -> text.endsWith(candidate) && text.length() > candidate.length())
                    .findFirst().orElse(null);
            if (quote == null) {
                return Optional.empty();
            }
            base = text.substring(0, text.length() - quote.length());
        }
        if (base.isEmpty() || quote.isEmpty() || !QUOTES.contains(quote)) {
            return Optional.empty();
        }
        return Optional.of(withMultiplier(base, quote));
    }

    /** The unified spelling, or the input upper-cased when it cannot be read. */
    public static String unified(String raw) {
        return parse(raw).map(MarketSymbol::unified).orElse(raw == null ? null : raw.trim().toUpperCase(Locale.ROOT));
    }

    private static MarketSymbol withMultiplier(String base, String quote) {
        for (String prefix : MULTIPLIER_PREFIXES) {
            if (base.startsWith(prefix) && base.length() > prefix.length()
                    && Character.isLetter(base.charAt(prefix.length()))) {
                return new MarketSymbol(base.substring(prefix.length()), quote, multiplier(prefix));
            }
        }
        if (base.endsWith("1000") && base.length() > 4 && Character.isLetter(base.charAt(base.length() - 5))) {
            return new MarketSymbol(base.substring(0, base.length() - 4), quote, 1000);
        }
        return new MarketSymbol(base, quote, 1);
    }

    private static int multiplier(String prefix) {
        return prefix.equals("1M") ? 1_000_000 : Integer.parseInt(prefix);
    }

    private static int indexOfSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' || c == '-' || c == '/') {
                return i;
            }
        }
        return -1;
    }
}
