package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Spreads in percent, exact to six decimals: gross between two prices, net after fees given as fractions. */
public final class SpreadMath {

    static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SpreadMath() {
    }

    /** What selling at {@code sell} earns over buying at {@code buy}, in percent of {@code buy}. */
    public static BigDecimal grossPercent(BigDecimal buy, BigDecimal sell) {
        return sell.subtract(buy).multiply(HUNDRED).divide(buy, MathContext.DECIMAL128).setScale(SCALE,
                RoundingMode.HALF_EVEN);
    }

    /** The gross spread less each leg's fee (fractions, e.g. {@code 0.0005}), in percent. */
    public static BigDecimal netPercent(BigDecimal grossPercent, BigDecimal... feeFractions) {
        BigDecimal net = grossPercent;
        for (BigDecimal fee : feeFractions) {
            if (fee != null) {
                net = net.subtract(fee.multiply(HUNDRED));
            }
        }
        return net.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** A fraction (e.g. a funding rate) in percent. */
    public static BigDecimal percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
