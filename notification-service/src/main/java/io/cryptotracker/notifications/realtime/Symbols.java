package io.cryptotracker.notifications.realtime;

import java.util.Locale;

/** Symbol spellings compared the way the API accepts them: {@code BTC/USDT}, {@code btcusdt} and {@code BTC-USDT} agree. */
final class Symbols {

    private Symbols() {
    }

    /** Upper case, letters and digits only: {@code BTC/USDT} becomes {@code BTCUSDT}. */
    static String key(String symbol) {
        if (symbol == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(symbol.length());
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toUpperCase(c));
            }
        }
        return key.toString();
    }

    /** The base asset of {@code BASE/QUOTE} as a key ({@code BTC}); the whole key when there is no slash. */
    static String base(String symbol) {
        if (symbol == null) {
            return "";
        }
        int slash = symbol.indexOf('/');
        return slash < 0 ? key(symbol) : key(symbol.substring(0, slash)).toUpperCase(Locale.ROOT);
    }
}
