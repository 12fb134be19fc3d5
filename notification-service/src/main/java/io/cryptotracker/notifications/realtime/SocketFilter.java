package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.cryptotracker.common.symbols.SymbolSet;
import io.cryptotracker.notifications.users.Preferences;

/**
 * Which signal frames one socket gets: kinds and symbols on every event, the gross spread minimum on created and
 * updated only. What a {@code subscribe} left out comes from the user's preferences (then the deny list applies too).
 *
 * @param kinds empty = every kind
 * @param allow pairs or coins; empty = every symbol
 * @param deny pairs or coins never sent
 */
record SocketFilter(Set<String> kinds, SymbolSet allow, SymbolSet deny, double minSpread) {

    static SocketFilter of(Preferences prefs, Subscription subscription) {
        List<String> kinds = subscription.kinds() != null ? subscription.kinds() : prefs.kinds();
        boolean ownSymbols = subscription.symbols() != null;
        List<String> allow = ownSymbols ? subscription.symbols() : prefs.symbolsAllow();
        List<String> deny = ownSymbols ? List.of() : prefs.symbolsDeny();
        BigDecimal min = subscription.minSpread() != null ? subscription.minSpread() : prefs.minSpreadPercent();
        return new SocketFilter(Set.copyOf(kinds), SymbolSet.of(allow), SymbolSet.of(deny),
                min == null ? 0 : min.doubleValue());
    }

    boolean accepts(SignalFrame frame) {
        if (!kinds.isEmpty() && !kinds.contains(frame.kind)) {
            return false;
        }
        if (!allow.isEmpty() && !allow.contains(frame.symbol)) {
            return false;
        }
        if (deny.contains(frame.symbol)) {
            return false;
        }
        return !frame.spreadFiltered() || frame.spreadPercent >= minSpread;
    }

    /**
     * What the client asked for in {@code subscribe}; a null field means "as in my preferences".
     *
     * @param kinds signal kinds; empty = all
     * @param symbols symbols in any spelling, or bases ({@code BTC}); empty = all
     * @param minSpread the smallest gross spread in percent
     */
    record Subscription(List<String> kinds, List<String> symbols, BigDecimal minSpread) {

        static final Subscription PREFERENCES = new Subscription(null, null, null);
    }
}
