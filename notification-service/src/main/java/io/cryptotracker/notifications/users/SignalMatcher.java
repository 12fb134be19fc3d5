package io.cryptotracker.notifications.users;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.cryptotracker.common.events.SignalData;

/** Whether a signal is one a user asked for: kind, gross spread, symbol allow and deny lists. */
public final class SignalMatcher {

    private SignalMatcher() {
    }

    /**
     * @return true when the signal's kind is among {@code kinds} (empty = all), its gross spread is at least
     *         {@code minSpreadPercent}, and its symbol is in {@code symbolsAllow} (empty = all) and not in
     *         {@code symbolsDeny}
     */
    public static boolean matches(Preferences prefs, SignalData signal) {
        if (!prefs.kinds().isEmpty() && !prefs.kinds().contains(signal.kind())) {
            return false;
        }
        BigDecimal spread = signal.spreadPercent() == null ? BigDecimal.ZERO : signal.spreadPercent();
        if (spread.compareTo(prefs.minSpreadPercent()) < 0) {
            return false;
        }
        String symbol = signal.symbol() == null ? "" : signal.symbol().toUpperCase(Locale.ROOT);
        if (!prefs.symbolsAllow().isEmpty() && !containsIgnoreCase(prefs.symbolsAllow(), symbol)) {
            return false;
        }
        return !containsIgnoreCase(prefs.symbolsDeny(), symbol);
    }

    private static boolean containsIgnoreCase(List<String> symbols, String upperSymbol) {
        for (String candidate : symbols) {
            if (candidate != null && candidate.toUpperCase(Locale.ROOT).equals(upperSymbol)) {
                return true;
            }
        }
        return false;
    }
}
