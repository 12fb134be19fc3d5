package io.cryptotracker.notifications.inbox;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.cryptotracker.common.events.FundingIntervalChanged;

/** The short human text of a funding interval change's notification (history and the socket's frame): no links. */
public final class FundingIntervalText {

    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private FundingIntervalText() {
    }

    /** E.g. {@code PEPE/USDT funding on Bybit now every 4 h (was 8 h)}. */
    public static String title(FundingIntervalChanged change) {
        return change.symbol() + " funding on " + venueLabel(change.venue()) + " now every " + change.intervalHours()
                + " h (was " + change.previousIntervalHours() + " h)";
    }

    /**
     * The APR effect, e.g. {@code At the current rate of 0.01% per settlement that is 21.9% a year instead of
     * 10.95% (0.02% per 8 h). Next funding 2026-12-04 00:00 UTC.}
     */
    public static String body(FundingIntervalChanged change) {
        StringBuilder text = new StringBuilder();
        if (change.rate() != null && change.aprPercent() != null && change.previousAprPercent() != null) {
            text.append("At the current rate of ").append(ratePercent(change.rate())).append(" per settlement that is ")
                    .append(NotificationText.percent(change.aprPercent())).append(" a year instead of ")
                    .append(NotificationText.percent(change.previousAprPercent()));
            if (change.ratePer8h() != null) {
                text.append(" (").append(ratePercent(change.ratePer8h())).append(" per 8 h)");
            }
            text.append(". ");
        }
        else if (change.intervalHours() > 0) {
            BigDecimal factor = BigDecimal.valueOf(change.previousIntervalHours())
                    .divide(BigDecimal.valueOf(change.intervalHours()), MathContext.DECIMAL64);
            text.append(factor.compareTo(BigDecimal.ONE) > 0
                    ? "At the same rate per settlement the APR is " + plain(factor) + " times what it was. "
                    : "At the same rate per settlement the APR is " + plain(BigDecimal.ONE.divide(factor,
                            MathContext.DECIMAL64)) + " times smaller than it was. ");
        }
        if (change.nextFundingTime() != null) {
            text.append("Next funding ").append(UTC_MINUTE.format(change.nextFundingTime())).append('.');
        }
        return text.toString().strip();
    }

    /** {@code MEXC}, {@code Binance}, {@code Bybit}; another venue as it is named. */
    public static String venueLabel(String venue) {
        if (venue == null) {
            return "?";
        }
        return switch (venue.toLowerCase(Locale.ROOT)) {
            case "mexc" -> "MEXC";
            case "binance" -> "Binance";
            case "bybit" -> "Bybit";
            default -> venue;
        };
    }

    /** A rate (a fraction) in percent with up to four decimals: {@code 0.0001} is {@code 0.01%}. */
    static String ratePercent(BigDecimal rate) {
        return plain(rate.movePointRight(2).setScale(4, RoundingMode.HALF_UP)) + "%";
    }

    private static String plain(BigDecimal value) {
        BigDecimal rounded = value.setScale(Math.min(value.scale(), 4), RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
