package io.cryptotracker.common.symbols;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A symbol allow- or deny-list read once, in any spelling: a pair ({@code btc-usdt}, {@code 1000PEPE/USDT}) holds
 * that pair, a coin alone ({@code ETH}) every pair of that coin. Entries that are no symbol hold nothing.
 */
public final class SymbolSet {

    /** Holds nothing. */
    public static final SymbolSet EMPTY = new SymbolSet(Set.of(), Map.of());

    private final Set<String> coins;

    private final Map<String, Set<String>> quotesByBase;

    private SymbolSet(Set<String> coins, Map<String, Set<String>> quotesByBase) {
        this.coins = coins;
        this.quotesByBase = quotesByBase;
    }

    /** The list's entries read by {@link Symbols}; null or empty holds nothing. */
    public static SymbolSet of(Collection<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return EMPTY;
        }
        Set<String> coins = new HashSet<>();
        Map<String, Set<String>> quotesByBase = new HashMap<>();
        for (String entry : entries) {
            Symbols.parseInstrument(entry).ifPresentOrElse(
                    pair -> quotesByBase.computeIfAbsent(pair.base(), base -> new HashSet<>()).add(pair.quote()),
                    () -> Symbols.parse(entry).ifPresent(coin -> coins.add(coin.base())));
        }
        return new SymbolSet(Set.copyOf(coins), Map.copyOf(quotesByBase));
    }

    /** Whether no entry could be read. */
    public boolean isEmpty() {
        return coins.isEmpty() && quotesByBase.isEmpty();
    }

    /** Whether the pair is listed, by itself or by its coin; false for null. */
    public boolean contains(TradingPair pair) {
        if (pair == null) {
            return false;
        }
        if (coins.contains(pair.base())) {
            return true;
        }
        Set<String> quotes = quotesByBase.get(pair.base());
        return quotes != null && quotes.contains(pair.quote());
    }

    /** Whether the symbol, in any spelling, is listed; false when it is no symbol. */
    public boolean contains(String symbol) {
        return contains(Symbols.parse(symbol).orElse(null));
    }
}
