package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.cryptotracker.notifications.users.Preferences;

/**
 * Which signal frames one socket gets: kinds and symbols on every event, the gross spread minimum on created and
 * updated only. What a {@code subscribe} left out comes from the user's preferences (then the deny list applies too).
 *
 * @param kinds empty = every kind
 * @param allow symbol keys or bases; empty = every symbol
 * @param deny symbol keys or bases never sent
 */
record SocketFilter(Set<String> kinds, Set<String> allow, Set<String> deny, double minSpread) {

    static SocketFilter of(Preferences prefs, Subscription subscription) {
        List<String> kinds = subscription.kinds() != null ? subscription.kinds() : prefs.kinds();
        boolean ownSymbols = subscription.symbols() != null;
        List<String> allow = ownSymbols ? subscription.symbols() : prefs.symbolsAllow();
        List<String> deny = ownSymbols ? List.of() : prefs.symbolsDeny();
        BigDecimal min = subscription.minSpread() != null ? subscription.minSpread() : prefs.minSpreadPercent();
        return new SocketFilter(Set.copyOf(kinds), keys(allow), keys(deny), min == null ? 0 : min.doubleValue());
    }

    boolean accepts(SignalFrame frame) {
        if (!kinds.isEmpty() && !kinds.contains(frame.kind)) {
            return false;
        }
        if (!allow.isEmpty() && !allow.contains(frame.symbolKey) && !allow.contains(frame.symbolBase)) {
            return false;
        }
        if (!deny.isEmpty() && (deny.contains(frame.symbolKey) || deny.contains(frame.symbolBase))) {
            return false;
        }
        return !frame.spreadFiltered() || frame.spreadPercent >= minSpread;
    }

    private static Set<String> keys(List<String> symbols) {
        return symbols.stream().map(Symbols::key).filter(key -> !key.isEmpty()).collect(Collectors.toUnmodifiableSet());
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
