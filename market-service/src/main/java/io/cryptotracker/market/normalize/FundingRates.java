package io.cryptotracker.market.normalize;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

import io.cryptotracker.common.events.MarketSnapshot;

/**
 * Makes funding rates of different intervals comparable: a rate paid every {@code h} hours is
 * {@code rate × 8 / h} per 8 hours and {@code rate × 24 / h × 365 × 100} percent a year (simple, not compounded).
 */
public final class FundingRates {

    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);
    private static final BigDecimal HOURS_PER_YEAR_PERCENT = BigDecimal.valueOf(24L * 365 * 100);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private FundingRates() {
    }

    /**
     * @param intervalHours the venue's real interval; below 1 it is taken as the common 8
     */
    public static MarketSnapshot.Funding of(BigDecimal rate, int intervalHours, Instant nextFundingTime) {
        if (rate == null) {
            return null;
        }
        int hours = intervalHours < 1 ? 8 : intervalHours;
        BigDecimal interval = BigDecimal.valueOf(hours);
        BigDecimal per8h = rate.multiply(EIGHT).divide(interval, PRECISION);
        BigDecimal apr = rate.multiply(HOURS_PER_YEAR_PERCENT).divide(interval, PRECISION);
        return new MarketSnapshot.Funding(rate, hours, plain(per8h), plain(apr), nextFundingTime);
    }

    /** Without trailing zeros, and never in exponent form with a negative scale ({@code 1E+2}). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
