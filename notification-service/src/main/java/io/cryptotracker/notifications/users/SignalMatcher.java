package io.cryptotracker.notifications.users;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.SymbolSet;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.symbols.TradingPair;

/** Whether a signal is one a user asked for: kind, gross spread, symbol allow and deny lists. */
public final class SignalMatcher {

    private SignalMatcher() {
    }

    /**
     * @return true when the signal's kind is among {@code kinds} (empty = all), its gross spread is at least
     *         {@code minSpreadPercent}, and its symbol is in {@code symbolsAllow} (empty = all) and not in
     *         {@code symbolsDeny}, both read in any spelling ({@link SymbolSet}), so lists stored before the one
     *         spelling ({@code 1000PEPE/USDT}) still match ({@code PEPE/USDT})
     */
    public static boolean matches(Preferences prefs, SignalData signal) {
        return compile(prefs).matches(signal.kind(), Symbols.parse(signal.symbol()).orElse(null),
                signal.spreadPercent());
    }

    /**
     * The preferences read once for many signals (a socket's {@code notification} frames): the lists become
     * {@link SymbolSet}s here rather than per signal, and the signal's symbol is passed already parsed.
     */
    public static Compiled compile(Preferences prefs) {
        return new Compiled(new HashSet<>(prefs.kinds()), prefs.minSpreadPercent(),
                SymbolSet.of(prefs.symbolsAllow()), SymbolSet.of(prefs.symbolsDeny()));
    }

    /** {@link #matches(Preferences, SignalData)} with the preferences read once. */
    public record Compiled(Set<String> kinds, BigDecimal minSpreadPercent, SymbolSet allow, SymbolSet deny) {

        /**
         * @param pair the signal's symbol as {@link Symbols#parse} reads it; null when it is no symbol
         * @param spreadPercent the gross spread; null counts as zero
         */
        public boolean matches(String kind, TradingPair pair, BigDecimal spreadPercent) {
            if (!kinds.isEmpty() && !kinds.contains(kind)) {
                return false;
            }
            BigDecimal spread = spreadPercent == null ? BigDecimal.ZERO : spreadPercent;
            if (spread.compareTo(minSpreadPercent) < 0) {
                return false;
            }
            if (!allow.isEmpty() && !allow.contains(pair)) {
                return false;
            }
            return !deny.contains(pair);
        }
    }
}
