package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.cryptotracker.common.events.MarketSnapshot.Level;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;

/**
 * Prices a two-leg {@link Position} at a size from the order books: entry buys the long leg on its asks and sells
 * the short leg into its bids; the exit is priced on the opposite sides of the <em>same</em> books – what closing
 * now would cost. Both legs trade the same USDT notional.
 *
 * <p>The position earns the entry spread on the assumption that the two prices converge before the exit, so the
 * exit's price gap itself is not charged; the exit's taker fees and its depth (average fill against the best price
 * of the exit side) are. Percentages are rounded half-even to {@value #SCALE} decimals, USDT amounts likewise;
 * divisions use {@link Fill#MATH}.
 *
 * <p>Sanity guards answer a {@link Refusal} instead of a number: an empty side ({@code NO_LIQUIDITY}), a crossed
 * book ({@code CROSSED_BOOK}, best bid ≥ best ask), mid prices further apart than {@code maxPriceRatio}
 * ({@code PRICE_MISMATCH}, e.g. RUNE perps at 1.58 and 5.49), a side too thin for the size ({@code TOO_THIN}).
 */
public final class ExecutableSpread {

    static final int SCALE = 6;

    /**
     * The quantity of a level whose depth is unknown (a leg priced at its top of book or its mark price): no size is
     * refused for it, and a book of one such level a side at the same price is a price without a spread, not a locked
     * book.
     */
    public static final BigDecimal UNKNOWN_DEPTH = new BigDecimal("1E+30");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final BigDecimal maxPriceRatio;

    /** @param maxPriceRatio the largest allowed ratio of the higher mid price to the lower, e.g. {@code 1.5} */
    public ExecutableSpread(BigDecimal maxPriceRatio) {
        if (maxPriceRatio.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("maxPriceRatio must be at least 1: " + maxPriceRatio);
        }
        this.maxPriceRatio = maxPriceRatio;
    }

    /** The round trip at {@code sizeUsdt} per leg, or why it cannot be priced. */
    public Quote quote(Position position, BigDecimal sizeUsdt) {
        Refusal refusal = check(position);
        if (refusal != null) {
            return Quote.refused(refusal);
        }
        OrderBook longBook = position.longBook();
        OrderBook shortBook = position.shortBook();
        Fill entryLong = Fill.buy(longBook.asks(), sizeUsdt);
        Fill entryShort = Fill.sell(shortBook.bids(), sizeUsdt);
        Fill exitLong = Fill.sell(longBook.bids(), sizeUsdt);
        Fill exitShort = Fill.buy(shortBook.asks(), sizeUsdt);
        if (!entryLong.isFull() || !entryShort.isFull() || !exitLong.isFull() || !exitShort.isFull()) {
            return Quote.refused(Refusal.TOO_THIN);
        }
        BigDecimal top = spreadPercent(entryLong.topPrice(), entryShort.topPrice());
        BigDecimal gross = spreadPercent(entryLong.averagePrice(), entryShort.averagePrice());
        BigDecimal fees = position.longTakerFee().add(position.shortTakerFee()).multiply(TWO).multiply(HUNDRED);
        BigDecimal entryDepth = top.subtract(gross);
        BigDecimal exitDepth = slippagePercent(exitLong).add(slippagePercent(exitShort));
        BigDecimal depth = entryDepth.add(exitDepth);
        BigDecimal net = gross.subtract(fees).subtract(exitDepth);
        BigDecimal cost = sizeUsdt.multiply(fees.add(depth)).divide(HUNDRED, Fill.MATH);
        return Quote.priced(new RoundTrip(sizeUsdt, entryLong, entryShort, exitLong, exitShort, scaled(top),
                scaled(gross), scaled(fees), scaled(entryDepth), scaled(exitDepth), scaled(depth), scaled(net),
                scaled(cost)));
    }

    /**
     * The largest size per leg, to the whole USDT, whose net spread is at least {@code thresholdPercent}, searched by
     * bisection between {@code minSizeUsdt} and the notional the shallowest of the four sides can take. The net spread
     * never rises with the size (each fill's average only worsens), which is what makes bisection exact. Empty when
     * the position is refused or even {@code minSizeUsdt} does not clear the threshold.
     */
    public Optional<BigDecimal> largestSizeClearing(Position position, BigDecimal thresholdPercent,
            BigDecimal minSizeUsdt) {
        return largestSize(position, roundTrip -> roundTrip.netPercent().compareTo(thresholdPercent) >= 0,
                minSizeUsdt);
    }

    /**
     * The largest size per leg, to the whole USDT, whose priced round trip {@code clears}, between {@code minSizeUsdt}
     * and the notional the shallowest of the four sides can take; what clears must only get harder with the size.
     */
    public Optional<BigDecimal> largestSize(Position position, Predicate<RoundTrip> clears, BigDecimal minSizeUsdt) {
        BigDecimal upper = List.of(position.longBook().asks(), position.longBook().bids(),
                        position.shortBook().bids(), position.shortBook().asks())
                .stream().map(Fill::depthNotional).min(BigDecimal::compareTo).orElseThrow();
        return largestBetween(size -> {
            Quote quote = quote(position, size);
            return quote.isPriced() && clears.test(quote.roundTrip());
        }, minSizeUsdt, upper);
    }

    /**
     * The largest whole size between {@code min} and {@code upper} (floored) that {@code clears}: empty when
     * {@code min} does not, {@code min} when the range is no wider, else by {@link #lastClearing}.
     */
    static Optional<BigDecimal> largestBetween(Predicate<BigDecimal> clears, BigDecimal min, BigDecimal upper) {
        if (!clears.test(min)) {
            return Optional.empty();
        }
        BigDecimal floor = upper.setScale(0, RoundingMode.FLOOR);
        if (floor.compareTo(min) <= 0) {
            return Optional.of(min);
        }
        return Optional.of(clears.test(floor) ? floor : lastClearing(clears, min, floor));
    }

    /**
     * Bisection to the whole USDT between a size that clears ({@code low}) and a larger one that does not
     * ({@code high}): the largest that clears, exact where clearing does not come back between the two.
     */
    static BigDecimal lastClearing(Predicate<BigDecimal> clears, BigDecimal low,
            BigDecimal high) {
        while (true) {
            BigDecimal mid = low.add(high).divide(TWO, 0, RoundingMode.FLOOR);
            if (mid.compareTo(low) <= 0) {
                return low;
            }
            if (clears.test(mid)) {
                low = mid;
            }
            else {
                high = mid;
            }
        }
    }

    private Refusal check(Position position) {
        OrderBook longBook = position.longBook();
        OrderBook shortBook = position.shortBook();
        if (longBook.bids().isEmpty() || longBook.asks().isEmpty() || shortBook.bids().isEmpty()
                || shortBook.asks().isEmpty()) {
            return Refusal.NO_LIQUIDITY;
        }
        if (crossed(longBook) || crossed(shortBook)) {
            return Refusal.CROSSED_BOOK;
        }
        BigDecimal longMid = mid(longBook);
        BigDecimal shortMid = mid(shortBook);
        BigDecimal ratio = longMid.max(shortMid).divide(longMid.min(shortMid), Fill.MATH);
        return ratio.compareTo(maxPriceRatio) > 0 ? Refusal.PRICE_MISMATCH : null;
    }

    private static boolean crossed(OrderBook book) {
        int order = best(book.bids()).compareTo(best(book.asks()));
        return order > 0 || order == 0 && !referencePrice(book);
    }

    private static boolean referencePrice(OrderBook book) {
        return book.bids().size() == 1 && book.asks().size() == 1
                && book.bids().get(0).qty().compareTo(UNKNOWN_DEPTH) == 0
                && book.asks().get(0).qty().compareTo(UNKNOWN_DEPTH) == 0;
    }

    private static BigDecimal mid(OrderBook book) {
        return best(book.bids()).add(best(book.asks())).divide(TWO, Fill.MATH);
    }

    private static BigDecimal best(List<Level> side) {
        return side.get(0).price();
    }

    /** What selling at {@code sell} earns over buying at {@code buy}, in percent of {@code buy}, unrounded. */
    private static BigDecimal spreadPercent(BigDecimal buy, BigDecimal sell) {
        return sell.subtract(buy).multiply(HUNDRED).divide(buy, Fill.MATH);
    }

    /** How much worse the fill's average is than its side's best price, in percent of the best price, unrounded. */
    private static BigDecimal slippagePercent(Fill fill) {
        return fill.averagePrice().subtract(fill.topPrice()).abs().multiply(HUNDRED).divide(fill.topPrice(),
                Fill.MATH);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
