package io.cryptotracker.notifications.users;

import java.math.BigDecimal;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.SymbolSet;

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
        if (!prefs.kinds().isEmpty() && !prefs.kinds().contains(signal.kind())) {
            return false;
        }
        BigDecimal spread = signal.spreadPercent() == null ? BigDecimal.ZERO : signal.spreadPercent();
        if (spread.compareTo(prefs.minSpreadPercent()) < 0) {
            return false;
        }
        if (!prefs.symbolsAllow().isEmpty() && !SymbolSet.of(prefs.symbolsAllow()).contains(signal.symbol())) {
            return false;
        }
        return !SymbolSet.of(prefs.symbolsDeny()).contains(signal.symbol());
    }
}
