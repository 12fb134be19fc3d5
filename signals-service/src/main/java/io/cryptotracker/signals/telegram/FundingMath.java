package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;

/** Funding rates as the posts give them (percent per interval) turned into fractions per 8 h and APR. */
final class FundingMath {

    static final BigDecimal PERIODS_PER_YEAR_8H = BigDecimal.valueOf(3 * 365);

    private FundingMath() {
    }

    /** A rate in percent per {@code intervalHours} as a fraction per 8 hours. */
    static BigDecimal per8h(BigDecimal percent, int intervalHours) {
        BigDecimal fraction = percent.movePointLeft(2);
        return intervalHours == 8 ? fraction
                : fraction.multiply(BigDecimal.valueOf(8)).divide(BigDecimal.valueOf(intervalHours),
                        java.math.MathContext.DECIMAL64);
    }

    /** A fraction per 8 hours as an annual rate in percent. */
    static BigDecimal aprPercent(BigDecimal ratePer8h) {
        return ratePer8h.multiply(PERIODS_PER_YEAR_8H).movePointRight(2).stripTrailingZeros();
    }
}
