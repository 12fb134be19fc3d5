package io.cryptotracker.common.symbols;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reading of a symbol, for what traders type, Telegram channels post and venues list. The rules, in order:
 * <ol>
 * <li>Spaces around, case and a leading {@code $} do not matter: {@code " $pepe "} is {@code PEPE}.</li>
 * <li>A perpetual's marker goes: {@code .P} (TradingView), {@code PERP} after a quote ({@code BTCUSDTPERP},
 * {@code BTC-USDT-PERP}) and a settle currency after a pair ({@code BTC/USDT:USDT}). {@code BTCPERP} names no
 * quote (Bybit's are USDC) and is not read.</li>
 * <li>{@code /}, {@code _}, {@code -} or {@code :} separate base and quote; the quote must be one we know
 * ({@link #QUOTES}).</li>
 * <li>Without a separator the text is split at a quote it ends with: a stablecoin quote (USDT, USDC, FDUSD, USDE,
 * BUSD, TUSD) after any base ({@code XUSDT}); USD, EUR, TRY, BTC, ETH or BNB only after a base of three or more
 * characters, so coins such as {@code WBTC}, {@code WETH} or {@code STETH} stay coins while {@code ETHBTC} is
 * {@code ETH/BTC}. A coin whose own name ends that way ({@code WSTETH}) is written with its quote.</li>
 * <li>A coin alone ({@code BTC}, {@code 1000PEPE}) means its USDT pair – except for a venue's instrument names,
 * which {@link #parseInstrument} reads and which always name their quote.</li>
 * <li>A multiplier in front ({@code 1000}, {@code 10000}, {@code 100000}, {@code 1000000}, {@code 1M}) or
 * {@code 1000} at the end ({@code SHIB1000}) is not part of the coin: {@code 1000PEPE}, {@code PEPE} and MEXC's
 * {@code 1000PEPE_USDT} are all {@code PEPE/USDT}, so an allow-list, a detector's signal and a Telegram post name the
 * coin alike; the multiplier stays on {@link TradingPair#multiplier()} for pricing. {@code 1INCH} has none.</li>
 * <li>The base is 1 to 20 letters and digits with at least one letter, and differs from the quote.</li>
 * </ol>
 */
public final class Symbols {

    /** Every quote currency a pair may name. */
    public static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "USDE", "BUSD", "TUSD", "USD", "EUR",
            "TRY", "BTC", "ETH", "BNB");

    /** What a coin alone is quoted in. */
    public static final String DEFAULT_QUOTE = "USDT";

    /** Quotes a glued name is split at after any base, longest first so {@code SOLFDUSD} is not read as … + USD. */
    private static final List<String> STABLE_QUOTES = List.of("FDUSD", "USDT", "USDC", "USDE", "BUSD", "TUSD");

    /** Quotes a glued name is split at only when at least three characters of base remain. */
    private static final List<String> OTHER_QUOTES = List.of("USD", "EUR", "TRY", "BTC", "ETH", "BNB");

    private static final int SHORTEST_BASE_BEFORE_OTHER_QUOTE = 3;

    private static final List<String> MULTIPLIER_PREFIXES = List.of("1000000", "100000", "10000", "1000", "1M");

    private static final Pattern SEPARATOR = Pattern.compile("[/_\\-:]");

    private static final Pattern BASE = Pattern.compile("(?=.*[A-Z])[A-Z0-9]{1,20}");

    private Symbols() {
    }

    /** What a trader or a post wrote, as a pair; a coin alone is its USDT pair. Empty when it is not a symbol. */
    public static Optional<TradingPair> parse(String text) {
        return read(text, false);
    }

    /** A venue's instrument name ({@code BTCUSDT}, {@code BTC_USDT}, {@code 1000PEPEUSDT}); it must name its quote. */
    public static Optional<TradingPair> parseInstrument(String name) {
        return read(name, true);
    }

    /** The one spelling ({@code BASE/QUOTE}) of what a trader or a post wrote, or empty when it is not a symbol. */
    public static Optional<String> normalize(String text) {
        return parse(text).map(TradingPair::symbol);
    }

    private static Optional<TradingPair> read(String raw, boolean quoteRequired) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("$")) {
            text = text.substring(1);
        }
        text = withoutPerpetualMarker(text);
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = SEPARATOR.split(text, -1);
        String base;
        String quote;
        if (parts.length == 2) {
            base = parts[0];
            quote = parts[1];
            if (!QUOTES.contains(quote)) {
                return Optional.empty();
            }
        }
        else if (parts.length == 1) {
            quote = gluedQuote(text);
            if (quote == null && quoteRequired) {
                return Optional.empty();
            }
            base = quote == null ? text : text.substring(0, text.length() - quote.length());
            quote = quote == null ? DEFAULT_QUOTE : quote;
        }
        else {
            return Optional.empty();
        }
        if (!BASE.matcher(base).matches()) {
            return Optional.empty();
        }
        TradingPair pair = withoutMultiplier(base, quote);
        return pair.base().equals(pair.quote()) ? Optional.empty() : Optional.of(pair);
    }

    /** The text without {@code .P}, {@code PERP} or {@code :SETTLE}; null for a perpetual that names no quote. */
    private static String withoutPerpetualMarker(String text) {
        String rest = text.endsWith(".P") ? text.substring(0, text.length() - 2) : text;
        int settle = rest.lastIndexOf(':');
        if (settle > 0 && QUOTES.contains(rest.substring(settle + 1))
                && SEPARATOR.matcher(rest.substring(0, settle)).find()) {
            rest = rest.substring(0, settle);
        }
        if (rest.endsWith("PERP") && rest.length() > 4) {
            String head = rest.substring(0, rest.length() - 4);
            head = SEPARATOR.matcher(head.substring(head.length() - 1)).matches()
                    ? head.substring(0, head.length() - 1) : head;
            if (!SEPARATOR.matcher(head).find() && gluedQuote(head) == null) {
                return null;
            }
            rest = head;
        }
        return rest;
    }

    private static String gluedQuote(String text) {
        for (String quote : STABLE_QUOTES) {
            if (text.length() > quote.length() && text.endsWith(quote)) {
                return quote;
            }
        }
        for (String quote : OTHER_QUOTES) {
            if (text.length() - quote.length() >= SHORTEST_BASE_BEFORE_OTHER_QUOTE && text.endsWith(quote)) {
                return quote;
            }
        }
        return null;
    }

    private static TradingPair withoutMultiplier(String base, String quote) {
        for (String prefix : MULTIPLIER_PREFIXES) {
            if (base.length() > prefix.length() && base.startsWith(prefix)
                    && Character.isLetter(base.charAt(prefix.length()))) {
                int multiplier = prefix.equals("1M") ? 1_000_000 : Integer.parseInt(prefix);
                return new TradingPair(base.substring(prefix.length()), quote, multiplier);
            }
        }
        if (base.length() > 4 && base.endsWith("1000") && Character.isLetter(base.charAt(base.length() - 5))) {
            return new TradingPair(base.substring(0, base.length() - 4), quote, 1000);
        }
        return new TradingPair(base, quote, 1);
    }
}
