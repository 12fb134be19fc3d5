package io.cryptotracker.signals.execution;

import static io.cryptotracker.signals.execution.Books.book;
import static io.cryptotracker.signals.execution.Books.levels;
import static io.cryptotracker.signals.execution.Books.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot.OrderBook;
import org.junit.jupiter.api.Test;

class ExecutableSpreadTest {

    private static final BigDecimal SPOT_FEE = new BigDecimal("0.0005");
    private static final BigDecimal PERP_FEE = new BigDecimal("0.0002");
    private static final BigDecimal NO_FEE = BigDecimal.ZERO;

    private final ExecutableSpread spread = new ExecutableSpread(new BigDecimal("1.5"));

    // A deep perpetual 0.8 % above a spot whose ask is 100: bid 100.80, ask 100.85, 1,000 units each.
    private static final OrderBook PERP = book("perp", levels("100.80", "1000"), levels("100.85", "1000"));

    private static Position spotFutures(OrderBook spot, OrderBook perp) {
        return new Position(spot, SPOT_FEE, perp, PERP_FEE);
    }

    @Test
    void withinTheFirstLevelsTheNetIsTheGrossLessFourTakerFees() {
        OrderBook spot = book("spot", levels("99.95", "1000"), levels("100", "1000"));

        Quote quote = spread.quote(spotFutures(spot, PERP), usdt("10000"));

        // Gross (100.80 − 100) / 100 = 0.8 %; fees 2 × (0.05 % + 0.02 %) = 0.14 %; no depth; net 0.66 %;
        // cost 10,000 × 0.14 % = 14 USDT.
        assertThat(quote.isPriced()).isTrue();
        RoundTrip trip = quote.roundTrip();
        assertThat(trip.topOfBookPercent()).isEqualByComparingTo("0.8");
        assertThat(trip.grossPercent()).isEqualByComparingTo("0.8");
        assertThat(trip.feesPercent()).isEqualByComparingTo("0.14");
        assertThat(trip.depthPercent()).isEqualByComparingTo("0");
        assertThat(trip.netPercent()).isEqualByComparingTo("0.66");
        assertThat(trip.roundTripCostUsdt()).isEqualByComparingTo("14");
        assertThat(trip.sizeUsdt()).isEqualByComparingTo("10000");
    }

    @Test
    void entryDepthLowersTheGrossFromTheAverageFill() {
        // Spot asks: 50 at 100 (5,000 USDT), then 101. 10,000 USDT buys 50 + 5,000/101 = 10,050/101 units,
        // average 10,000 × 101 / 10,050 = 20,200/201 = 100.4975…
        // Gross (100.80 − 20,200/201) / (20,200/201) = 60.8 / 20,200 = 0.300990099… %;
        // entry depth 0.8 − 0.300990099 = 0.499009901 %; net 0.300990099 − 0.14 = 0.160990099 %;
        // cost 10,000 × (0.14 + 0.499009901) % = 63.90099 USDT.
        OrderBook spot = book("spot", levels("99.95", "1000"), levels("100", "50", "101", "1000"));

        RoundTrip trip = spread.quote(spotFutures(spot, PERP), usdt("10000")).roundTrip();

        assertThat(trip.topOfBookPercent()).isEqualByComparingTo("0.8");
        assertThat(trip.grossPercent()).isEqualByComparingTo("0.300990");
        assertThat(trip.entryDepthPercent()).isEqualByComparingTo("0.499010");
        assertThat(trip.exitDepthPercent()).isEqualByComparingTo("0");
        assertThat(trip.feesPercent()).isEqualByComparingTo("0.14");
        assertThat(trip.netPercent()).isEqualByComparingTo("0.160990");
        assertThat(trip.roundTripCostUsdt()).isEqualByComparingTo("63.900990");
        assertThat(trip.entryLong().averagePrice()).isEqualByComparingTo("100.4975124378109452736318407960199");
    }

    @Test
    void exitDepthIsPricedOnTheOppositeSidesOfTheSameBooks() {
        // Closing sells spot into its bids: 50 at 99.95 (4,997.5 USDT), the other 5,002.5 at 99 → 50.5303 units;
        // average 10,000 / (9,952.5 / 99) = 99.4725 and the loss against 99.95 is 0.477745 %.
        OrderBook spot = book("spot", levels("99.95", "50", "99", "1000"), levels("100", "1000"));

        RoundTrip trip = spread.quote(spotFutures(spot, PERP), usdt("10000")).roundTrip();

        // The last of the 34 digits may differ from the hand value: the partial level's quantity is itself rounded.
        assertThat(trip.exitLong().averagePrice()).isCloseTo(new BigDecimal("99.472494348153730218538055764883"),
                within(new BigDecimal("1E-28")));
        assertThat(trip.exitDepthPercent()).isEqualByComparingTo("0.477745");
        assertThat(trip.entryDepthPercent()).isEqualByComparingTo("0");
        assertThat(trip.depthPercent()).isEqualByComparingTo("0.477745");
        // 0.8 − 0.14 − 0.4777445241 = 0.1822554759 → 0.182255 (rounded once, at the end)
        assertThat(trip.netPercent()).isEqualByComparingTo("0.182255");
    }

    @Test
    void pepeLikeBooksArePricedWithoutLosingDigits() {
        // Gross (0.00001210 − 0.00001200) / 0.00001200 = 0.833333 %; fees 2 × (0.1 % + 0.02 %) = 0.24 %.
        OrderBook spot = book("spot", levels("0.00001199", "100000000"), levels("0.00001200", "100000000"));
        OrderBook perp = book("perp", levels("0.00001210", "100000000"), levels("0.00001211", "100000000"));

        RoundTrip trip = spread.quote(new Position(spot, new BigDecimal("0.001"), perp, PERP_FEE), usdt("1000"))
                .roundTrip();

        assertThat(trip.grossPercent()).isEqualByComparingTo("0.833333");
        assertThat(trip.feesPercent()).isEqualByComparingTo("0.24");
        assertThat(trip.netPercent()).isEqualByComparingTo("0.593333");
    }

    @Test
    void aCrossedBookIsRefusedAsInvalidData() {
        OrderBook spot = book("spot", levels("99.95", "1000"), levels("100", "1000"));
        OrderBook crossedPerp = book("perp", levels("100.90", "1000"), levels("100.85", "1000"));

        Quote quote = spread.quote(spotFutures(spot, crossedPerp), usdt("1000"));

        assertThat(quote.isPriced()).isFalse();
        assertThat(quote.refusal()).isEqualTo(Refusal.CROSSED_BOOK);
    }

    @Test
    void aLockedBookWithBidEqualToAskCountsAsCrossed() {
        OrderBook locked = book("spot", levels("100", "1000"), levels("100", "1000"));

        assertThat(spread.quote(spotFutures(locked, PERP), usdt("1000")).refusal()).isEqualTo(Refusal.CROSSED_BOOK);
    }

    @Test
    void runePerpsAt158And549AreRefusedAsAPriceMismatch() {
        OrderBook low = book("perp", levels("1.579", "10000"), levels("1.581", "10000"));
        OrderBook high = book("perp", levels("5.489", "10000"), levels("5.491", "10000"));

        Quote quote = spread.quote(new Position(low, PERP_FEE, high, PERP_FEE), usdt("1000"));

        assertThat(quote.refusal()).isEqualTo(Refusal.PRICE_MISMATCH);
        assertThat(quote.roundTrip()).isNull();
    }

    @Test
    void pricesWithinTheAllowedRatioArePriced() {
        // Mids 100 and 140: a ratio of 1.4, under 1.5.
        OrderBook low = book("perp", levels("99.99", "1000"), levels("100.01", "1000"));
        OrderBook high = book("perp", levels("139.99", "1000"), levels("140.01", "1000"));

        assertThat(spread.quote(new Position(low, PERP_FEE, high, PERP_FEE), usdt("1000")).isPriced()).isTrue();
    }

    @Test
    void anEmptySideNeededForTheExitIsNoLiquidity() {
        OrderBook noBids = book("spot", List.of(), levels("100", "1000"));

        assertThat(spread.quote(spotFutures(noBids, PERP), usdt("1000")).refusal()).isEqualTo(Refusal.NO_LIQUIDITY);
    }

    @Test
    void aSizeBeyondAnySideIsTooThin() {
        OrderBook spot = book("spot", levels("99.95", "1000"), levels("100", "1000"));

        // The spot asks hold 100,000 USDT.
        assertThat(spread.quote(spotFutures(spot, PERP), usdt("150000")).refusal()).isEqualTo(Refusal.TOO_THIN);
    }

    @Test
    void theLargestSizeClearingTheThresholdLiesBetweenTwoLevels() {
        // No fees, deep exit sides. Spot asks: 10 at 100 (1,000 USDT), then 100 at 102; the perp bid is 101.5.
        // Net ≥ 0.5 % needs average ≤ A = 101.5 / 1.005 = 20,300/201. Above 1,000 USDT the average is
        // N / (10 + (N − 1,000)/102), which is ≤ A while N ≤ 20A / (102 − A) = 406,000/202 = 2,009.90 USDT.
        OrderBook spot = book("spot", levels("99.99", "1000"), levels("100", "10", "102", "100"));
        OrderBook perp = book("perp", levels("101.5", "1000"), levels("101.6", "1000"));
        Position position = new Position(spot, NO_FEE, perp, NO_FEE);
        BigDecimal threshold = new BigDecimal("0.5");

        assertThat(spread.largestSizeClearing(position, threshold, usdt("10"))).hasValue(usdt("2009"));
        assertThat(spread.quote(position, usdt("2009")).roundTrip().netPercent()).isEqualByComparingTo("0.500444");
        assertThat(spread.quote(position, usdt("2010")).roundTrip().netPercent()).isEqualByComparingTo("0.499951");
    }

    @Test
    void theLargestSizeIsBoundedByTheShallowestSide() {
        // Everything clears 0.5 %, the spot asks hold only 1,000 USDT.
        OrderBook spot = book("spot", levels("99.99", "1000"), levels("100", "10"));
        OrderBook perp = book("perp", levels("101.5", "1000"), levels("101.6", "1000"));

        assertThat(spread.largestSizeClearing(new Position(spot, NO_FEE, perp, NO_FEE), new BigDecimal("0.5"),
                usdt("10"))).hasValue(usdt("1000"));
    }

    @Test
    void noSizeIsReturnedWhenEvenTheSmallestDoesNotClear() {
        OrderBook spot = book("spot", levels("99.95", "1000"), levels("100", "1000"));

        // 0.66 % net at any size up to the first levels: a 1 % threshold is never cleared.
        assertThat(spread.largestSizeClearing(spotFutures(spot, PERP), BigDecimal.ONE, usdt("100"))).isEmpty();
    }

    @Test
    void noSizeIsReturnedForARefusedPosition() {
        OrderBook crossed = book("spot", levels("101", "1000"), levels("100", "1000"));

        assertThat(spread.largestSizeClearing(spotFutures(crossed, PERP), BigDecimal.ZERO, usdt("100"))).isEmpty();
    }
}
