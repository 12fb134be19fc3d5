package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a funding-spread position (long one perpetual, short another, the same notional each) earns from funding.
 * A positive rate means longs pay shorts, so the short leg earns {@code rate × notional} per its interval and the long
 * leg earns {@code −rate × notional} per its interval. Intervals may differ (1, 4 or 8 h); the hourly income adds each
 * leg's income divided by its interval. USDT amounts and hours are rounded half-even to 6 decimals.
 *
 * @param notionalUsdt the notional of each leg
 * @param longLegPerInterval what the long leg earns per its interval (negative when it pays)
 * @param shortLegPerInterval what the short leg earns per its interval (negative when it pays)
 * @param perHour both legs together, per hour
 * @param perDay {@code perHour × 24}
 */
public record FundingIncome(BigDecimal notionalUsdt, BigDecimal longLegPerInterval, BigDecimal shortLegPerInterval,
        BigDecimal perHour, BigDecimal perDay) {

    private static final int SCALE = 6;

    /**
     * @param longRate the funding rate of the long leg per its interval, a fraction ({@code -0.0001} = −0.01 %)
     * @param shortRate the funding rate of the short leg per its interval, a fraction
     */
    public static FundingIncome at(BigDecimal notionalUsdt, BigDecimal longRate, int longIntervalHours,
            BigDecimal shortRate, int shortIntervalHours) {
        if (longIntervalHours <= 0 || shortIntervalHours <= 0) {
            throw new IllegalArgumentException("funding intervals must be positive hours");
        }
        BigDecimal longLeg = longRate.negate().multiply(notionalUsdt);
        BigDecimal shortLeg = shortRate.multiply(notionalUsdt);
        BigDecimal hourly = longLeg.divide(BigDecimal.valueOf(longIntervalHours), Fill.MATH)
                .add(shortLeg.divide(BigDecimal.valueOf(shortIntervalHours), Fill.MATH));
        return new FundingIncome(notionalUsdt, scaled(longLeg), scaled(shortLeg), scaled(hourly),
                scaled(hourly.multiply(BigDecimal.valueOf(24))));
    }

    /**
     * The hours of funding that pay back {@code roundTripCostUsdt} (e.g. {@link RoundTrip#roundTripCostUsdt()}),
     * rounded up to 6 decimals; empty when the position earns nothing or pays (it never breaks even).
     */
    public Optional<BigDecimal> breakEvenHours(BigDecimal roundTripCostUsdt) {
        if (perHour.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(roundTripCostUsdt.divide(perHour, SCALE, RoundingMode.CEILING));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
