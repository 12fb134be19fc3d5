package io.cryptotracker.signals.execution;

import static io.cryptotracker.signals.execution.Books.levels;
import static io.cryptotracker.signals.execution.Books.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.DexPool;
import io.cryptotracker.common.events.MarketSnapshot.NetworkStatus;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.Candidate;
import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import org.junit.jupiter.api.Test;

/**
 * MEXC↔DEX routes priced on fixed markets with the default settings: MEXC taker 0.05 %, swap fee 0.3 %, gas 3 USDT
 * on ethereum, 0.1 on bsc, 0.01 on solana and 1 elsewhere, transfer status trusted for 10 minutes, quotes stale after
 * 30 s (pools 2 min), a price ratio above 1.3 refused.
 */
class DexRouteTest {

    private static final Instant NOW = Instant.parse("2026-12-03T20:00:10Z");
    private static final BigDecimal OPEN = new BigDecimal("1.5");
    private static final List<BigDecimal> SIZES = List.of(usdt("1000"), usdt("10000"), usdt("50000"));
    private static final String TOKEN = "0xAbCdEf0000000000000000000000000000000001";
    private static final String PAIR = "0xPair01";

    private final DexRoute route = new DexRoute(ExecutionSettings.defaults(), DetectionSettings.defaults());

    // MEXC: bid 0.99 (100,000), asks 1.00 (5,000 units) then 1.01 (100,000); the book read 5 s ago.
    private static final OrderBook MEXC_BOOK = new OrderBook("mexc", "spot", levels("0.99", "100000"),
            levels("1.00", "5000", "1.01", "100000"), NOW.minusSeconds(5));

    /** The market of the token: MEXC's quote (and book when given), the pool and MEXC's networks. */
    private static MarketSnapshot market(OrderBook book, DexPool pool, NetworkStatus... networks) {
        MarketSnapshot.VenueQuote mexc = new MarketSnapshot.VenueQuote("mexc", "spot", usdt("0.99"), usdt("1.00"),
                usdt("100000"), usdt("5000"), usdt("1.00"), null, null, usdt("2000000"), new BigDecimal("0.0005"),
                null, NOW.minusSeconds(2));
        List<MarketSnapshot.OrderBook> books = book == null ? List.of() : List.of(book);
        return MarketSnapshot.of("TKN/USDT", "TKN", "USDT", List.of(mexc), pool == null ? List.of() : List.of(pool),
                List.of(networks), books);
    }

    private static DexPool pool(String chain, String price, String liquidity, Instant quotedAt) {
        return new DexPool(chain, "uniswap", PAIR, TOKEN, usdt(price), usdt(liquidity), usdt("500000"), quotedAt);
    }

    private static NetworkStatus network(String chain, boolean deposit, boolean withdraw, String fee,
            Instant checkedAt) {
        return new NetworkStatus("NET-" + chain, chain, TOKEN.toLowerCase(), deposit, withdraw,
                fee == null ? null : usdt(fee), checkedAt);
    }

    private static SignalData signal(String chain, String direction) {
        SignalData.Dex dex = new SignalData.Dex(chain, "uniswap", PAIR, TOKEN, usdt("0.99"), usdt("1.00"),
                usdt("1.05"), usdt("2000000"), usdt("500000"), direction, true, true);
        return new SignalData(null, SignalData.MEXC_DEX, "TKN/USDT", usdt("5"), usdt("4.65"), null, "OPEN",
                "DETECTOR", NOW, NOW, null, null, null, dex, null);
    }

    private SignalData.Execution price(SignalData signal, MarketSnapshot market) {
        return route.price(signal, market, SIZES, OPEN, NOW).orElseThrow();
    }

    @Test
    void buyOnMexcWithdrawAndSellIntoThePoolCostsTheFeesTheWithdrawalGasAndTheImpact() {
        // Pool 1.05 with 2,000,000 USD: R = 1,000,000. 1,000 USDT buys at MEXC's 1.00 and sells into the pool at
        // 1.05 × (R − 1,000) / R = 1.04895. Top 5 %, gross 4.895 %, depth 0.105 %, fee 0.05 %; transfer: swap 0.3 % +
        // (withdrawal 10 TKN × 1.00 + gas 3) / 1,000 = 1.6 %; net 4.895 − 0.05 − 1.6 = 3.245 %.
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW.minusSeconds(20)),
                        network("ethereum", true, true, "10", NOW.minusSeconds(60))));

        assertThat(execution.basis()).isEqualTo(SignalData.Execution.BOOK);
        assertThat(execution.alertable()).isTrue();
        assertThat(execution.flags()).isEmpty();
        SignalData.SizeQuote first = execution.sizes().get(0);
        assertThat(first.refusal()).isNull();
        assertThat(first.buyPrice()).isEqualByComparingTo("1.00");
        assertThat(first.sellPrice()).isEqualByComparingTo("1.04895");
        assertThat(first.topOfBookPercent()).isEqualByComparingTo("5");
        assertThat(first.grossPercent()).isEqualByComparingTo("4.895");
        assertThat(first.depthPercent()).isEqualByComparingTo("0.105");
        assertThat(first.exitDepthPercent()).isEqualByComparingTo("0");
        assertThat(first.feesPercent()).isEqualByComparingTo("0.05");
        assertThat(first.transferPercent()).isEqualByComparingTo("1.6");
        assertThat(first.fundingPercent()).isEqualByComparingTo("0");
        assertThat(first.netPercent()).isEqualByComparingTo("3.245");
        assertThat(first.netUsdt()).isEqualByComparingTo("32.45");
        assertThat(first.costUsdt()).isEqualByComparingTo("17.55");
        SignalData.Transfer transfer = execution.transfer();
        assertThat(transfer.needed()).isEqualTo("WITHDRAW");
        assertThat(transfer.network()).isEqualTo("NET-ethereum");
        assertThat(transfer.withdraw()).isEqualTo("OPEN");
        assertThat(transfer.deposit()).isEqualTo("OPEN");
        assertThat(transfer.ageSeconds()).isEqualTo(60L);
        assertThat(transfer.withdrawFee()).isEqualByComparingTo("10");
        assertThat(transfer.withdrawFeeUsdt()).isEqualByComparingTo("10");
        assertThat(transfer.gasUsdt()).isEqualByComparingTo("3");
        assertThat(transfer.swapFeePercent()).isEqualByComparingTo("0.3");
    }

    @Test
    void everySizeKeepsTheIdentityOfTheBreakdown() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW), network("ethereum", true, true, "10",
                        NOW)));

        // 10,000: MEXC average 10,100 / 10,050 (5,000 at 1.00, 5,000 at 1.01), pool 1.05 × 0.99 = 1.0395;
        // gross 3.435396 %, transfer 0.3 + 13 / 10,000 = 0.43 %, net 3.435396 − 0.05 − 0.43 = 2.955396 %.
        assertThat(execution.sizes().get(1).grossPercent()).isEqualByComparingTo("3.435396");
        assertThat(execution.sizes().get(1).transferPercent()).isEqualByComparingTo("0.43");
        assertThat(execution.sizes().get(1).netPercent()).isEqualByComparingTo("2.955396");
        for (SignalData.SizeQuote quote : execution.sizes()) {
            assertThat(quote.netPercent()).isEqualByComparingTo(quote.topOfBookPercent().subtract(quote.feesPercent())
                    .subtract(quote.transferPercent()).subtract(quote.depthPercent()).add(quote.fundingPercent()));
            assertThat(quote.netPercent()).isEqualByComparingTo(quote.grossPercent().subtract(quote.feesPercent())
                    .subtract(quote.transferPercent()).subtract(quote.exitDepthPercent()));
        }
        // The impact only grows with the size: 50,000 sells into the pool at 1.05 × 0.95.
        assertThat(execution.sizes().get(2).sellPrice()).isEqualByComparingTo("0.9975");
        assertThat(execution.sizes().get(2).netPercent()).isNegative();
    }

    @Test
    void theLargestSizeIsFoundWhereTheFixedCostsMakeTheSmallestSizesFailToo() {
        // Withdrawal and gas (13 USDT) sink sizes under 419 USDT, the impact those above 21,957.
        SignalData signal = signal("ethereum", "BUY_MEXC_SELL_DEX");
        MarketSnapshot market = market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW),
                network("ethereum", true, true, "10", NOW));

        SignalData.Execution execution = price(signal, market);

        assertThat(execution.maxSizeUsdt()).isEqualByComparingTo("21957");
        SignalData.Execution edge = route.price(signal, market, List.of(usdt("21957"), usdt("21958")), OPEN, NOW)
                .orElseThrow();
        assertThat(edge.sizes().get(0).netPercent()).isGreaterThanOrEqualTo(OPEN);
        assertThat(edge.sizes().get(1).netPercent()).isLessThan(OPEN);
    }

    @Test
    void buyOnTheDexDepositAndSellOnMexcPaysTwoTransactionsOfGasAndNoWithdrawalFee() {
        // Pool 0.95 with 20,000,000 USD: R = 10,000,000; 1,000 USDT buys at 0.95 × 10,001,000 / 10,000,000 =
        // 0.950095 and sells at MEXC's 0.99. Transfer 0.3 % + 2 × 0.1 gas on bsc / 1,000 = 0.32 %.
        SignalData.Execution execution = price(signal("bsc", "BUY_DEX_SELL_MEXC"),
                market(MEXC_BOOK, pool("bsc", "0.95", "20000000", NOW), network("bsc", true, false, "10", NOW)));

        assertThat(execution.legs()).extracting(SignalData.Leg::side, SignalData.Leg::market)
                .containsExactly(tuple("BUY", "dex"),
                        tuple("SELL", "spot"));
        SignalData.SizeQuote first = execution.sizes().get(0);
        assertThat(first.buyPrice()).isEqualByComparingTo("0.950095");
        // Fill's average: 34 significant digits
        assertThat(first.sellPrice()).isCloseTo(usdt("0.99"), within(new BigDecimal("1E-30")));
        assertThat(first.transferPercent()).isEqualByComparingTo("0.32");
        assertThat(execution.transfer().needed()).isEqualTo("DEPOSIT");
        assertThat(execution.transfer().withdrawFeeUsdt()).isEqualByComparingTo("0");
        assertThat(execution.transfer().gasUsdt()).isEqualByComparingTo("0.2");
        // withdrawals are closed, but this route only deposits
        assertThat(execution.alertable()).isTrue();
    }

    @Test
    void gasIsTheChainsEstimateAndAChainNotConfiguredPaysTheDefault() {
        List<String> chains = List.of("ethereum", "bsc", "solana", "fantom");
        List<BigDecimal> gas = new ArrayList<>();
        for (String chain : chains) {
            gas.add(price(signal(chain, "BUY_MEXC_SELL_DEX"), market(MEXC_BOOK, pool(chain, "1.05", "2000000", NOW),
                    network(chain, true, true, "0", NOW))).transfer().gasUsdt());
        }

        assertThat(gas).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(usdt("3"), usdt("0.1"), usdt("0.01"), usdt("1"));
    }

    @Test
    void theWithdrawalFeeIsTheCoinAmountAtMexcsAskInPercentOfTheSize() {
        // 250 TKN at 1.00 = 250 USDT: 25 % of 1,000, 2.5 % of 10,000, 0.5 % of 50,000; plus 0.3 % swap and 3 gas.
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW), network("ethereum", true, true, "250",
                        NOW)));

        assertThat(execution.transfer().withdrawFeeUsdt()).isEqualByComparingTo("250");
        assertThat(execution.sizes()).extracting(SignalData.SizeQuote::transferPercent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(usdt("25.6"), usdt("2.83"), usdt("0.806"));
    }

    @Test
    void aThinPoolCannotTakeASaleOfItsWholeUsdReserve() {
        // 20,000 USD of liquidity: R = 10,000; selling 1,000 into it gets 1.05 × 0.9 = 0.945, 10,000 nothing.
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "20000", NOW), network("ethereum", true, true, "1", NOW)));

        assertThat(execution.sizes().get(0).sellPrice()).isEqualByComparingTo("0.945");
        assertThat(execution.sizes().get(0).netPercent()).isNegative();
        assertThat(execution.sizes()).extracting(SignalData.SizeQuote::refusal)
                .containsExactly(null, "TOO_THIN", "TOO_THIN");
        assertThat(execution.maxSizeUsdt()).isNull();
    }

    @Test
    void aPoolTooThinForTheSmallestSizeIsFlagged() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "1500", NOW), network("ethereum", true, true, "1", NOW)));

        assertThat(execution.sizes()).allSatisfy(quote -> assertThat(quote.refusal()).isEqualTo("TOO_THIN"));
        assertThat(execution.flags()).contains(Flags.TOO_THIN);
    }

    @Test
    void aClosedWithdrawalFlagsTheRouteThatNeedsItAndKeepsItFromAlerting() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW),
                        network("ethereum", true, false, "10", NOW.minusSeconds(30))));

        assertThat(execution.transfer().withdraw()).isEqualTo("CLOSED");
        assertThat(execution.transfer().deposit()).isEqualTo("OPEN");
        assertThat(execution.flags()).containsExactly(Flags.TRANSFER_CLOSED);
        assertThat(execution.alertable()).isFalse();
        // still priced and listed
        assertThat(execution.sizes().get(0).netPercent()).isEqualByComparingTo("3.245");
    }

    @Test
    void aClosedDepositFlagsABuyOnTheDex() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_DEX_SELL_MEXC"),
                market(MEXC_BOOK, pool("ethereum", "0.95", "2000000", NOW),
                        network("ethereum", false, true, "10", NOW)));

        assertThat(execution.flags()).containsExactly(Flags.TRANSFER_CLOSED);
        assertThat(execution.alertable()).isFalse();
    }

    @Test
    void aStatusOlderThanItsLimitIsUnknownWithItsAge() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW),
                        network("ethereum", true, true, "10", NOW.minusSeconds(660))));

        assertThat(execution.transfer().withdraw()).isEqualTo("UNKNOWN");
        assertThat(execution.transfer().deposit()).isEqualTo("UNKNOWN");
        assertThat(execution.transfer().checkedAt()).isEqualTo(NOW.minusSeconds(660));
        assertThat(execution.transfer().ageSeconds()).isEqualTo(660L);
        assertThat(execution.flags()).containsExactly(Flags.TRANSFER_UNKNOWN);
        assertThat(execution.alertable()).isFalse();
    }

    @Test
    void aStatusNeverReadIsUnknownWithoutAnAge() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_DEX_SELL_MEXC"),
                market(MEXC_BOOK, pool("ethereum", "0.95", "2000000", NOW), network("ethereum", true, true, "10",
                        null)));

        assertThat(execution.transfer().deposit()).isEqualTo("UNKNOWN");
        assertThat(execution.transfer().checkedAt()).isNull();
        assertThat(execution.transfer().ageSeconds()).isNull();
        assertThat(execution.flags()).containsExactly(Flags.TRANSFER_UNKNOWN);
    }

    @Test
    void withoutMexcsNetworkOfTheContractOnTheChainTheTransferIsUnknownAndTheFeeNotCharged() {
        // MEXC lists the contract on another chain only, and another contract on this one
        NetworkStatus otherChain = network("bsc", true, true, "10", NOW);
        NetworkStatus otherToken = new NetworkStatus("ERC20", "ethereum", "0xImposter", true, true, usdt("10"), NOW);
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW), otherChain, otherToken));

        assertThat(execution.transfer().network()).isNull();
        assertThat(execution.transfer().withdraw()).isEqualTo("UNKNOWN");
        assertThat(execution.transfer().withdrawFee()).isNull();
        assertThat(execution.transfer().withdrawFeeUsdt()).isNull();
        assertThat(execution.flags()).containsExactly(Flags.TRANSFER_UNKNOWN);
        assertThat(execution.alertable()).isFalse();
        // swap 0.3 % and 3 gas only
        assertThat(execution.sizes().get(0).transferPercent()).isEqualByComparingTo("0.6");
    }

    @Test
    void legsFurtherApartThanTheRatioLimitAreRefusedAsAMismatch() {
        // a pool at 1.40 against MEXC's 1.00: another token, or a redenominated one
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.40", "2000000", NOW), network("ethereum", true, true, "1",
                        NOW)));

        assertThat(execution.sizes()).allSatisfy(quote -> assertThat(quote.refusal()).isEqualTo("PRICE_MISMATCH"));
        assertThat(execution.maxSizeUsdt()).isNull();
    }

    @Test
    void aCrossedMexcBookIsRefused() {
        OrderBook crossed = new OrderBook("mexc", "spot", levels("1.02", "1000"), levels("1.00", "1000"),
                NOW.minusSeconds(1));

        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(crossed, pool("ethereum", "1.05", "2000000", NOW), network("ethereum", true, true, "1", NOW)));

        assertThat(execution.sizes()).allSatisfy(quote -> assertThat(quote.refusal()).isEqualTo("CROSSED_BOOK"));
    }

    @Test
    void aCrossedMexcQuoteWithoutABookIsRefusedToo() {
        MarketSnapshot.VenueQuote crossed = new MarketSnapshot.VenueQuote("mexc", "spot", usdt("1.01"), usdt("1.00"),
                null, null, null, null, null, null, new BigDecimal("0.0005"), null, NOW);
        MarketSnapshot market = MarketSnapshot.of("TKN/USDT", "TKN", "USDT", List.of(crossed),
                List.of(pool("ethereum", "1.05", "2000000", NOW)), List.of(network("ethereum", true, true, "1", NOW)));

        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"), market);

        assertThat(execution.sizes()).allSatisfy(quote -> assertThat(quote.refusal()).isEqualTo("CROSSED_BOOK"));
    }

    @Test
    void aStalePoolMarksItsLegAndTheSignalStale() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW.minusSeconds(180)),
                        network("ethereum", true, true, "10", NOW)));

        SignalData.Leg mexc = execution.legs().get(0);
        SignalData.Leg dex = execution.legs().get(1);
        assertThat(mexc.venue()).isEqualTo("mexc");
        assertThat(mexc.side()).isEqualTo("BUY");
        assertThat(mexc.price()).isEqualByComparingTo("1.00");
        assertThat(mexc.ageMs()).isEqualTo(5000L);
        assertThat(mexc.stale()).isFalse();
        assertThat(dex.venue()).isEqualTo("uniswap");
        assertThat(dex.market()).isEqualTo("dex");
        assertThat(dex.side()).isEqualTo("SELL");
        assertThat(dex.ageMs()).isEqualTo(180_000L);
        assertThat(dex.stale()).isTrue();
        assertThat(execution.flags()).containsExactly(Flags.STALE_LEG);
        assertThat(execution.alertable()).isFalse();
    }

    @Test
    void withoutMexcsBookTheMexcLegIsItsTopOfBookAndNoLargestSizeIsClaimed() {
        SignalData.Execution execution = price(signal("ethereum", "BUY_MEXC_SELL_DEX"),
                market(null, pool("ethereum", "1.05", "2000000", NOW), network("ethereum", true, true, "10", NOW)));

        assertThat(execution.basis()).isEqualTo(SignalData.Execution.TOP_OF_BOOK);
        assertThat(execution.flags()).containsExactly(Flags.TOP_OF_BOOK);
        assertThat(execution.maxSizeUsdt()).isNull();
        // every size buys at the ask; the pool's impact is still known: 10,000 sells at 1.0395
        assertThat(execution.sizes().get(1).buyPrice()).isEqualByComparingTo("1.00");
        assertThat(execution.sizes().get(1).sellPrice()).isEqualByComparingTo("1.0395");
        assertThat(execution.legs().get(0).ageMs()).isEqualTo(2000L);
    }

    @Test
    void aDetectorCandidateOfAStalePoolWithWithdrawalsClosedIsPricedFlaggedAndNotAlertable() {
        // the detectors' path: DexDetector matches the pool by contract, ExecutionPricer hands the signal to DexRoute
        DetectionSettings detection = DetectionSettings.defaults();
        ExecutionSettings settings = ExecutionSettings.defaults();
        ExecutionPricer pricer = new ExecutionPricer(settings, detection, new DexRoute(settings, detection));
        MarketSnapshot market = market(MEXC_BOOK, pool("ethereum", "1.05", "2000000", NOW.minusSeconds(300)),
                network("ethereum", true, false, "10", NOW));

        Candidate candidate = new DexDetector(detection).detect(market, NOW).get(0);
        SignalData draft = new SignalData(null, SignalData.MEXC_DEX, candidate.symbol(), candidate.spreadPercent(),
                candidate.netSpreadPercent(), null, null, "DETECTOR", null, null, null, null, null, candidate.dex(),
                null);
        SignalData.Execution execution = pricer.price(draft, market, NOW).orElseThrow();

        assertThat(candidate.dex().direction()).isEqualTo("BUY_MEXC_SELL_DEX");
        assertThat(execution.flags()).containsExactly(Flags.STALE_LEG, Flags.TRANSFER_CLOSED);
        assertThat(execution.alertable()).isFalse();
        assertThat(draft.withExecution(execution).alertable()).isFalse();
        assertThat(execution.sizes().get(0).netPercent()).isEqualByComparingTo("3.245");
        assertThat(execution.maxSizeUsdt()).isEqualByComparingTo("21957");
    }

    @Test
    void aMarketWithoutThePoolOrWithoutMexcsQuoteCannotPriceTheRoute() {
        MarketSnapshot noPool = market(MEXC_BOOK, pool("solana", "1.05", "2000000", NOW),
                network("ethereum", true, true, "10", NOW));
        MarketSnapshot noMexc = MarketSnapshot.of("TKN/USDT", "TKN", "USDT", List.of(),
                List.of(pool("ethereum", "1.05", "2000000", NOW)), List.of(network("ethereum", true, true, "10", NOW)));

        assertThat(route.price(signal("ethereum", "BUY_MEXC_SELL_DEX"), noPool, SIZES, OPEN, NOW)).isEmpty();
        assertThat(route.price(signal("ethereum", "BUY_MEXC_SELL_DEX"), noMexc, SIZES, OPEN, NOW)).isEmpty();
    }
}
