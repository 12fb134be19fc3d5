package io.cryptotracker.notifications.users;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.SymbolSet;

/**
 * Whether a funding interval change is one a user asked for: it is funding news, so it goes to users whose kinds
 * include {@code funding-rate} (or who take every kind), for a symbol their allow list admits (empty = all) and their
 * deny list does not name. The minimum spread does not apply: a change of interval has no spread.
 */
public final class FundingIntervalMatcher {

    private FundingIntervalMatcher() {
    }

    public static boolean matches(Preferences prefs, String symbol) {
        if (!prefs.kinds().isEmpty() && !prefs.kinds().contains(SignalData.FUNDING_RATE)) {
            return false;
        }
        if (!prefs.symbolsAllow().isEmpty() && !SymbolSet.of(prefs.symbolsAllow()).contains(symbol)) {
            return false;
        }
        return !SymbolSet.of(prefs.symbolsDeny()).contains(symbol);
    }
}
