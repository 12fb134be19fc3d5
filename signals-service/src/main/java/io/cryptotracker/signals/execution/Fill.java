package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot.Level;

/**
 * One leg's taker fill of a notional in the quote currency (USDT), walked level by level through one side of a book:
 * asks to buy, bids to sell.
 *
 * <p>Arithmetic is exact (add, multiply) except the divisions – base quantity taken from a partly used level and the
 * average price – which use {@link #MATH} (34 significant digits, {@code HALF_EVEN}); nothing is rounded to a fixed
 * scale, so PEPE-like prices of {@code 0.0000123} keep their digits. A book too thin for the notional is reported as
 * {@link Coverage#PARTIAL} with what it could fill, never as a full fill; an empty side is
 * {@link Coverage#NO_LIQUIDITY}.
 *
 * @param requestedNotional the notional asked for, in USDT
 * @param filledNotional the notional the book could take, equal to the request unless partial
 * @param baseQty the base quantity bought or sold
 * @param averagePrice {@code filledNotional / baseQty}, null when nothing was filled
 * @param topPrice the best price of the side, null when empty
 * @param levelsUsed how many levels the fill touched (a partly used last level counts)
 */
public record Fill(BigDecimal requestedNotional, BigDecimal filledNotional, BigDecimal baseQty,
        BigDecimal averagePrice, BigDecimal topPrice, int levelsUsed, Coverage coverage) {

    /** Precision of the divisions of this package: 34 significant digits, half-even. */
    public static final MathContext MATH = MathContext.DECIMAL128;

    /** Whether the side was deep enough for the notional. */
    public enum Coverage {
        /** The whole notional was filled. */
        FULL,
        /** The side ran out before the notional was filled; the fill holds what it had. */
        PARTIAL,
        /** The side has no levels at all. */
        NO_LIQUIDITY
    }

    /** Buys {@code notional} USDT worth on the asks, best (lowest) first. */
    public static Fill buy(List<Level> asks, BigDecimal notional) {
        return walk(asks, notional);
    }

    /** Sells {@code notional} USDT worth into the bids, best (highest) first. */
    public static Fill sell(List<Level> bids, BigDecimal notional) {
        return walk(bids, notional);
    }

    /** The notional the whole side can take: the sum of price × quantity. */
    public static BigDecimal depthNotional(List<Level> side) {
        BigDecimal total = BigDecimal.ZERO;
        for (Level level : side) {
            total = total.add(level.price().multiply(level.qty()));
        }
        return total;
    }

    public boolean isFull() {
        return coverage == Coverage.FULL;
    }

    private static Fill walk(List<Level> side, BigDecimal notional) {
        if (notional.signum() <= 0) {
            throw new IllegalArgumentException("notional must be positive: " + notional);
        }
        if (side.isEmpty()) {
            return new Fill(notional, BigDecimal.ZERO, BigDecimal.ZERO, null, null, 0, Coverage.NO_LIQUIDITY);
        }
        BigDecimal remaining = notional;
        BigDecimal base = BigDecimal.ZERO;
        int used = 0;
        for (Level level : side) {
            if (level.qty().signum() <= 0) {
                continue;
            }
            used++;
            BigDecimal levelNotional = level.price().multiply(level.qty());
            if (levelNotional.compareTo(remaining) >= 0) {
                base = base.add(remaining.divide(level.price(), MATH));
                remaining = BigDecimal.ZERO;
                break;
            }
            base = base.add(level.qty());
            remaining = remaining.subtract(levelNotional);
        }
        BigDecimal filled = notional.subtract(remaining);
        BigDecimal top = side.get(0).price();
        if (filled.signum() == 0) {
            return new Fill(notional, filled, base, null, top, 0, Coverage.NO_LIQUIDITY);
        }
        return new Fill(notional, filled, base, filled.divide(base, MATH), top, used,
                remaining.signum() == 0 ? Coverage.FULL : Coverage.PARTIAL);
    }
}
