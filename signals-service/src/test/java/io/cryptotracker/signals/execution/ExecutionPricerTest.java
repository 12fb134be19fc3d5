package io.cryptotracker.signals.execution;

import static io.cryptotracker.signals.execution.Books.levels;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.DetectionSettings;
import org.junit.jupiter.api.Test;

/** Signals priced on fixed markets: the numbers worked out by hand in the comments. */
class ExecutionPricerTest {

    static final Instant NOW = Instant.parse("2026-12-03T22:00:00Z");
    static final ExecutionSettings SETTINGS = ExecutionSettings.defaults();
    static final DetectionSettings DETECTION = DetectionSettings.defaults();

    final ExecutionPricer pricer = new ExecutionPricer(SETTINGS, DETECTION, new DexRoute(SETTINGS, DETECTION));

    @Test
    void spotFuturesWithoutBooksIsPricedAtTheTopOfBookAndSaysSo() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW), perp("mexc", "101.2", "101.3", "0.0001",
                8, "0.0002", NOW)), List.of());

        SignalData.Execution execution = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow();

        assertThat(execution.basis()).isEqualTo("TOP_OF_BOOK");
        assertThat(execution.flags()).containsExactly(Flags.TOP_OF_BOOK);
        assertThat(execution.alertable()).isTrue();
        assertThat(execution.maxSizeUsdt()).isNull();
        assertThat(execution.sizes()).extracting(SignalData.SizeQuote::sizeUsdt).extracting(BigDecimal::intValue)
                .containsExactly(1000, 10000, 50000);
        SignalData.SizeQuote smallest = execution.sizes().get(0);
        // (101.2 − 100.1) / 100.1 = 1.098901 %; fees 2 × (0.05 + 0.02) = 0.14 %; the short perp earns 0.01 %
        assertThat(smallest.topOfBookPercent()).isEqualByComparingTo("1.098901");
        assertThat(smallest.feesPercent()).isEqualByComparingTo("0.14");
        assertThat(smallest.fundingPercent()).isEqualByComparingTo("0.01");
        assertThat(smallest.depthPercent()).isEqualByComparingTo("0");
        assertThat(smallest.netPercent()).isEqualByComparingTo("0.968901");
        assertThat(smallest.netUsdt()).isEqualByComparingTo("9.68901");
        assertThat(smallest.costUsdt()).isEqualByComparingTo("1.4");
        assertThat(execution.legs()).extracting(SignalData.Leg::side, SignalData.Leg::market)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BUY", "spot"),
                        org.assertj.core.groups.Tuple.tuple("SELL", "perp"));
        assertThat(execution.legs().get(0).price()).isEqualByComparingTo("100.1");
    }

    @Test
    void aLongPerpPaysTheFundingOfTheNextSettlement() {
        MarketSnapshot market = market(List.of(spot("100.5", "100.6", NOW), perp("mexc", "98.9", "99.0", "0.0003", 8,
                "0.0002", NOW)), List.of());

        SignalData.SizeQuote smallest = pricer.price(spotFutures("SELL_SPOT_LONG_PERP"), market, NOW).orElseThrow()
                .sizes().get(0);

        // (100.5 − 99.0) / 99.0 = 1.515152 %; fees 0.14 %; the long perp pays 0.03 %
        assertThat(smallest.fundingPercent()).isEqualByComparingTo("-0.03");
        assertThat(smallest.netPercent()).isEqualByComparingTo("1.345152");
        assertThat(smallest.buyPrice()).isEqualByComparingTo("99.0");
        assertThat(smallest.sellPrice()).isEqualByComparingTo("100.5");
    }

    @Test
    void booksPriceEverySizeAndFindTheLargestThatClearsTheOpenThreshold() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW), perp("mexc", "101.2", "101.3", "0", 8,
                "0.0002", NOW)), List.of(
                        new OrderBook("mexc", "spot", levels("100.0", "1000"),
                                levels("100.1", "20", "100.3", "100", "101", "500"), NOW.minusSeconds(1)),
                        new OrderBook("mexc", "perp", levels("101.2", "20", "101.0", "100", "100.5", "1000"),
                                levels("101.3", "1000"), NOW.minusSeconds(2))));

        SignalData.Execution execution = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow();

        assertThat(execution.basis()).isEqualTo("BOOK");
        assertThat(execution.flags()).isEmpty();
        assertThat(execution.sizes().get(0).netPercent()).isEqualByComparingTo("0.958901");
        assertThat(execution.sizes().get(1).depthPercent()).isPositive();
        // 50,000 USDT walks so deep into both books that the trade loses
        assertThat(execution.sizes().get(2).netPercent()).isNegative();
        assertThat(execution.maxSizeUsdt()).isBetween(new BigDecimal("10000"), new BigDecimal("50000"));
        BigDecimal max = execution.maxSizeUsdt();
        SignalData.SizeQuote atMax = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, List.of(max), NOW)
                .orElseThrow().sizes().get(0);
        SignalData.SizeQuote beyond = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market,
                List.of(max.add(BigDecimal.ONE)), NOW).orElseThrow().sizes().get(0);
        assertThat(atMax.netPercent()).isGreaterThanOrEqualTo(DETECTION.spotFutures().open());
        assertThat(beyond.netPercent()).isLessThan(DETECTION.spotFutures().open());
        assertThat(execution.legs()).extracting(SignalData.Leg::ageMs).containsExactly(1000L, 2000L);
    }

    @Test
    void aSizeBeyondWhatTheBooksHoldIsTooThinAndTheLargestSizeIsWhatTheyHold() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW), perp("mexc", "101.2", "101.3", "0", 8,
                "0.0002", NOW)), List.of(
                        new OrderBook("mexc", "spot", levels("100.0", "1000"), levels("100.1", "30"), NOW),
                        new OrderBook("mexc", "perp", levels("101.2", "1000"), levels("101.3", "1000"), NOW)));

        SignalData.Execution execution = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow();

        // the spot asks hold 30 × 100.1 = 3,003 USDT
        assertThat(execution.sizes()).extracting(SignalData.SizeQuote::refusal).containsExactly(null, "TOO_THIN",
                "TOO_THIN");
        assertThat(execution.maxSizeUsdt()).isEqualByComparingTo("3003");
        assertThat(execution.flags()).isEmpty();
    }

    @Test
    void aSmallestSizeTheBooksCannotFillIsFlaggedTooThin() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW), perp("mexc", "101.2", "101.3", "0", 8,
                "0.0002", NOW)), List.of(
                        new OrderBook("mexc", "spot", levels("100.0", "1000"), levels("100.1", "1"), NOW),
                        new OrderBook("mexc", "perp", levels("101.2", "1000"), List.of(), NOW)));

        SignalData.Execution execution = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow();

        // an empty side is no liquidity, whatever the size
        assertThat(execution.sizes()).extracting(SignalData.SizeQuote::refusal).containsOnly("NO_LIQUIDITY");
        MarketSnapshot thin = market(market.quotes(), List.of(
                new OrderBook("mexc", "spot", levels("100.0", "1000"), levels("100.1", "1"), NOW),
                new OrderBook("mexc", "perp", levels("101.2", "1000"), levels("101.3", "1000"), NOW)));
        SignalData.Execution tooThin = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), thin, NOW).orElseThrow();
        assertThat(tooThin.flags()).containsExactly(Flags.TOO_THIN);
        // what the asks hold (100.1 USDT), to the whole USDT, still clears
        assertThat(tooThin.maxSizeUsdt()).isEqualByComparingTo("100");
    }

    @Test
    void aCrossedBookIsRefused() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW), perp("mexc", "101.2", "101.3", "0", 8,
                "0.0002", NOW)), List.of(
                        new OrderBook("mexc", "spot", levels("100.2", "1000"), levels("100.1", "1000"), NOW),
                        new OrderBook("mexc", "perp", levels("101.2", "1000"), levels("101.3", "1000"), NOW)));

        assertThat(pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow().sizes())
                .extracting(SignalData.SizeQuote::refusal).containsOnly("CROSSED_BOOK");
    }

    @Test
    void aBookOlderThanTheLimitIsNotUsed() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW), perp("mexc", "101.2", "101.3", "0", 8,
                "0.0002", NOW)), List.of(new OrderBook("mexc", "spot", levels("100.0", "1"), levels("100.1", "1"),
                        NOW.minus(SETTINGS.bookMaxAge()).minusSeconds(1))));

        SignalData.Execution execution = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow();

        assertThat(execution.basis()).isEqualTo("TOP_OF_BOOK");
        assertThat(execution.sizes()).allSatisfy(size -> assertThat(size.refusal()).isNull());
    }

    @Test
    void aStaleLegIsFlaggedAndNotAlertable() {
        MarketSnapshot market = market(List.of(spot("100.0", "100.1", NOW.minusSeconds(31)), perp("mexc", "101.2",
                "101.3", "0", 8, "0.0002", NOW)), List.of());

        SignalData.Execution execution = pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), market, NOW).orElseThrow();

        assertThat(execution.flags()).contains(Flags.STALE_LEG);
        assertThat(execution.alertable()).isFalse();
        assertThat(execution.legs().get(0).stale()).isTrue();
        assertThat(execution.legs().get(0).ageMs()).isEqualTo(31_000L);
        assertThat(execution.legs().get(1).stale()).isFalse();
    }

    @Test
    void legsWhosePricesDisagreeBeyondTheLimitAreRefused() {
        // RUNE/USDT: perps at 1.58 and 5.49
        MarketSnapshot market = market(List.of(perp("binance", "1.58", "1.581", "0.0001", 8, "0.0005", NOW),
                perp("bybit", "5.48", "5.49", "0.002", 8, "0.00055", NOW)), List.of());

        SignalData.Execution execution = pricer.price(funding("binance", "bybit"), market, NOW).orElseThrow();

        assertThat(execution.sizes()).allSatisfy(size -> assertThat(size.refusal()).isEqualTo("PRICE_MISMATCH"));
    }

    @Test
    void aFundingSpreadIsNetPer8HoursAfterItsRoundTripSpreadOverTheHoldingTime() {
        // long Binance at −0.01 % per 8 h, short Bybit at 0.02 % per hour (0.16 % per 8 h): 0.17 % per 8 h gross
        MarketSnapshot market = market(List.of(perp("binance", "2.000", "2.001", "-0.0001", 8, "0.0005", NOW),
                perp("bybit", "2.002", "2.003", "0.0002", 1, "0.00055", NOW)), List.of(
                        new OrderBook("binance", "perp", levels("2.000", "1000000"), levels("2.001", "1000000"), NOW),
                        new OrderBook("bybit", "perp", levels("2.002", "1000000"), levels("2.003", "1000000"), NOW)));

        SignalData.Execution execution = pricer.price(funding("binance", "bybit"), market, NOW).orElseThrow();

        SignalData.SizeQuote smallest = execution.sizes().get(0);
        assertThat(smallest.topOfBookPercent()).isEqualByComparingTo("0.17");
        // fees 2 × (0.05 + 0.055) = 0.21 %, crossing both books twice 0.0999 %; a third of each per 8 h (24 h held)
        assertThat(smallest.feesPercent()).isEqualByComparingTo("0.07");
        assertThat(smallest.depthPercent()).isEqualByComparingTo("0.0333");
        assertThat(smallest.netPercent()).isEqualByComparingTo("0.0667");
        assertThat(smallest.costUsdt()).isEqualByComparingTo("3.099001");
        // the long leg earns 0.1 USDT per 8 h, the short leg 0.2 USDT per hour
        assertThat(smallest.fundingIncome().perHourUsdt()).isEqualByComparingTo("0.2125");
        assertThat(smallest.fundingIncome().per8hUsdt()).isEqualByComparingTo("1.7");
        assertThat(smallest.fundingIncome().perDayUsdt()).isEqualByComparingTo("5.1");
        // 3.099001 / 0.2125 = 14.5835341… hours, rounded up
        assertThat(smallest.fundingIncome().breakEvenHours()).isEqualByComparingTo("14.583535");
        assertThat(execution.maxSizeUsdt()).isNotNull();
    }

    @Test
    void aPerpetualReadFromTheMarkPriceFeedIsPricedAtItsMarkPriceUntilItsBookIsRead() {
        // Binance's quote comes from premiumIndex: a mark price, no bid or ask
        MarketSnapshot.VenueQuote binance = new MarketSnapshot.VenueQuote("binance", "perp", null, null, null, null,
                null, new BigDecimal("2.0005"), null, null, new BigDecimal("0.0005"), new MarketSnapshot.Funding(
                        new BigDecimal("-0.0001"), 8, new BigDecimal("-0.0001"), null, NOW.plusSeconds(3600)), NOW);
        MarketSnapshot market = market(List.of(binance, perp("bybit", "2.002", "2.003", "0.0002", 1, "0.00055", NOW)),
                List.of());

        SignalData.Execution execution = pricer.price(funding("binance", "bybit"), market, NOW).orElseThrow();

        assertThat(execution.basis()).isEqualTo("TOP_OF_BOOK");
        assertThat(execution.legs().get(0).price()).isEqualByComparingTo("2.0005");
        assertThat(execution.sizes().get(0).buyPrice()).isEqualByComparingTo("2.0005");
        assertThat(execution.sizes().get(0).netPercent()).isNotNull();
    }

    @Test
    void anExtremeRateIsPricedAsOnePerpetualHeldAndClosed() {
        MarketSnapshot market = market(List.of(perp("bybit", "2.0", "2.01", "0.003", 1, "0.00055", NOW)), List.of());

        SignalData.Execution execution = pricer.price(new SignalData(null, SignalData.FUNDING_RATE, "WIF/USDT", null,
                null, null, null, "DETECTOR", null, null, null, null, new SignalData.Funding(null, "bybit", null,
                        null, null, null, null, null, null, null, null, null, null), null, null), market, NOW)
                .orElseThrow();

        assertThat(execution.legs()).singleElement().satisfies(leg -> assertThat(leg.side()).isEqualTo("SELL"));
        SignalData.SizeQuote smallest = execution.sizes().get(0);
        // short at 0.3 % per hour = 2.4 % per 8 h; 1000 USDT earns 3 USDT an hour
        assertThat(smallest.topOfBookPercent()).isEqualByComparingTo("2.4");
        assertThat(smallest.fundingIncome().perHourUsdt()).isEqualByComparingTo("3");
        assertThat(smallest.sellPrice()).isEqualByComparingTo("2.0");
        assertThat(execution.maxSizeUsdt()).as("no book: depth unknown").isNull();
    }

    @Test
    void anExtremeRateOnABookHasTheLargestSizeItsBookHolds() {
        // short at 0.3 % per hour; fees 2 × 0.055 % and crossing 0.5 % over 24 h are far below the 2.4 % per 8 h
        MarketSnapshot market = market(List.of(perp("bybit", "2.0", "2.01", "0.003", 1, "0.00055", NOW)),
                List.of(new OrderBook("bybit", "perp", levels("2.0", "3000"), levels("2.01", "5000"), NOW)));

        SignalData.Execution execution = pricer.price(new SignalData(null, SignalData.FUNDING_RATE, "WIF/USDT", null,
                null, null, null, "DETECTOR", null, null, null, null, new SignalData.Funding(null, "bybit", null,
                        null, null, null, null, null, null, null, null, null, null), null, null), market, NOW)
                .orElseThrow();

        // the bids hold 3,000 × 2.0 = 6,000 USDT
        assertThat(execution.maxSizeUsdt()).isEqualByComparingTo("6000");
        assertThat(execution.sizes()).extracting(SignalData.SizeQuote::refusal).containsExactly(null, "TOO_THIN",
                "TOO_THIN");
    }

    @Test
    void aSignalWithoutARouteOrAMarketWithoutItsLegsIsNotPriced() {
        MarketSnapshot onlySpot = market(List.of(spot("100.0", "100.1", NOW)), List.of());
        assertThat(pricer.price(spotFutures("BUY_SPOT_SHORT_PERP"), onlySpot, NOW)).isEmpty();
        assertThat(pricer.price(new SignalData(null, SignalData.MEXC_SPOT_FUTURES, "ABC/USDT", null, null, null, null,
                "TELEGRAM", null, null, null, null, null, null, null), onlySpot, NOW)).isEmpty();
    }

    static SignalData spotFutures(String direction) {
        return new SignalData(null, SignalData.MEXC_SPOT_FUTURES, "ABC/USDT", null, null, null, null, "DETECTOR",
                null, null, null, new SignalData.SpotFutures(null, null, null, null, direction, null, null, null,
                        null), null, null, null);
    }

    static SignalData funding(String longVenue, String shortVenue) {
        return new SignalData(null, SignalData.FUNDING_RATE, "ABC/USDT", null, null, null, null, "DETECTOR", null,
                null, null, null, new SignalData.Funding(longVenue, shortVenue, null, null, null, null, null, null,
                        null, null, null, null, null), null, null);
    }

    static MarketSnapshot market(List<MarketSnapshot.VenueQuote> quotes, List<OrderBook> books) {
        return MarketSnapshot.of("ABC/USDT", "ABC", "USDT", quotes, List.of(), List.of(), books);
    }

    static MarketSnapshot.VenueQuote spot(String bid, String ask, Instant at) {
        return new MarketSnapshot.VenueQuote("mexc", "spot", new BigDecimal(bid), new BigDecimal(ask), BigDecimal.ONE,
                BigDecimal.ONE, new BigDecimal(bid), null, null, null, new BigDecimal("0.0005"), null, at);
    }

    /** A perpetual whose funding {@code rate} is per its interval. */
    static MarketSnapshot.VenueQuote perp(String venue, String bid, String ask, String rate, int intervalHours,
            String taker, Instant at) {
        BigDecimal perInterval = new BigDecimal(rate);
        BigDecimal per8h = perInterval.multiply(BigDecimal.valueOf(8)).divide(BigDecimal.valueOf(intervalHours));
        return new MarketSnapshot.VenueQuote(venue, "perp", new BigDecimal(bid), new BigDecimal(ask), BigDecimal.ONE,
                BigDecimal.ONE, new BigDecimal(bid), new BigDecimal(bid), null, null, new BigDecimal(taker),
                new MarketSnapshot.Funding(perInterval, intervalHours, per8h, null, NOW.plusSeconds(3600)), at);
    }
}
