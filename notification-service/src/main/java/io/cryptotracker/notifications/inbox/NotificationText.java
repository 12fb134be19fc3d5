package io.cryptotracker.notifications.inbox;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.cryptotracker.common.events.SignalData;

/** The short human text of a signal's notification (history, email, the socket's notification frame): no links. */
public final class NotificationText {

    private NotificationText() {
    }

    /** E.g. {@code Funding rate BTC/USDT: 2.35% spread}. */
    public static String title(SignalData signal) {
        return kindLabel(signal.kind()) + " " + signal.symbol() + ": " + percent(signal.spreadPercent()) + " spread";
    }

    /** What to do and what is left after fees, e.g. {@code Long binance, short bybit. Net spread 2.1%.} */
    public static String body(SignalData signal) {
        StringBuilder text = new StringBuilder();
        if (signal.spotFutures() != null && signal.spotFutures().direction() != null) {
            text.append("BUY_SPOT_SHORT_PERP".equals(signal.spotFutures().direction())
                    ? "Buy spot, short the perpetual. " : "Sell spot, long the perpetual. ");
        }
        else if (signal.funding() != null && signal.funding().longExchange() != null) {
            text.append("Long on ").append(signal.funding().longExchange());
            if (signal.funding().shortExchange() != null) {
                text.append(", short on ").append(signal.funding().shortExchange());
            }
            text.append(". ");
        }
        else if (signal.dex() != null) {
            text.append("BUY_DEX_SELL_MEXC".equals(signal.dex().direction()) ? "Buy on " : "Sell on ")
                    .append(signal.dex().dex() == null ? "the DEX" : signal.dex().dex());
            if (signal.dex().chain() != null) {
                text.append(" (").append(signal.dex().chain()).append(")");
            }
            text.append(". ");
        }
        if (signal.netSpreadPercent() != null) {
            text.append("Net spread ").append(percent(signal.netSpreadPercent())).append(" after fees. ");
        }
        if (signal.source() != null) {
            text.append("Source: ").append(signal.source().toLowerCase(java.util.Locale.ROOT)).append('.');
        }
        return text.toString().strip();
    }

    public static String kindLabel(String kind) {
        if (SignalData.MEXC_SPOT_FUTURES.equals(kind)) {
            return "MEXC spot/futures";
        }
        if (SignalData.FUNDING_RATE.equals(kind)) {
            return "Funding rate";
        }
        if (SignalData.MEXC_DEX.equals(kind)) {
            return "MEXC/DEX";
        }
        return kind;
    }

    /** At most two decimals, no trailing zeros: {@code 2.35%}, {@code 1%}. */
    public static String percent(BigDecimal value) {
        if (value == null) {
            return "?%";
        }
        return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
