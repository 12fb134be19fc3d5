package io.cryptotracker.market.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.replay.ReplayServer;
import io.cryptotracker.market.source.TestSources;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.dexscreener.DexScreener;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcNetworks;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production adapters read the recorded answers through the replay stub and make one round of snapshots. The
 * clients wait up to {@link #READ_TIMEOUT} (production: 10 s) for the stub, not the 500 ms of the adapter tests: a
 * source that times out is left out of the round, and under heavy load the round's first call (mexc-spot), which
 * pays for the stub's and the HTTP client's cold start, took longer than 500 ms.
 */
class ReplayRoundTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static ReplayServer replay;
    private static List<MarketSnapshot> snapshots;
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void oneRoundFromTheReplay() throws Exception {
        replay = new ReplayServer("replay", 0);
        Clock clock = Clock.systemUTC();
        VenueProperties venues = new VenueProperties(Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Set.of("USDT"), "-", new BigDecimal("0.0005"), "-", new BigDecimal("0.00055"),
                "-", 4);
        MexcSpot spot = new MexcSpot(client("mexc-spot"), new BigDecimal("0.0005"), clock);
        MexcFutures futures = new MexcFutures(client("mexc-futures"), clock);
        BinanceFutures binance = new BinanceFutures(client("binance-futures"), new BigDecimal("0.0005"), clock);
        BybitLinear bybit = new BybitLinear(client("bybit-linear"), new BigDecimal("0.00055"), clock);
        DepthReader depth = new DepthReader(List.of(spot, futures, binance, bybit), DepthReaderTest.defaults(),
                venues.pollInterval(), clock, Runnable::run, meters);
        MarketPoller poller = new MarketPoller(List.of(spot), List.of(futures, binance, bybit),
                new DexScreener(client("dexscreener"), clock),
                new MexcNetworks(TestSources.client("mexc-capital", replay.baseUrl("mexc-spot"), READ_TIMEOUT),
                        "replay", "replay", clock),
                depth, null, null, null, venues, clock, meters);
        snapshots = poller.pollOnce();
    }

    @AfterAll
    static void stopReplay() {
        replay.close();
    }

    @Test
    void aSymbolOnEveryVenueGetsAllItsQuotesItsDexPoolsAndItsNetworks() {
        MarketSnapshot pepe = snapshot("PEPE/USDT");

        assertThat(pepe.quotes()).extracting(quote -> quote.venue() + ":" + quote.market())
                .containsExactly("binance:perp", "bybit:perp", "mexc:perp", "mexc:spot");
        assertThat(pepe.dexPools()).extracting(MarketSnapshot.DexPool::pairAddress).containsExactly(
                "0xA43fe16908251ee70EF74718545e4FE6C5cCEc9f", "0x11950d141EcB863F01007AdD7D1A342041227b58");
        assertThat(pepe.networks()).singleElement().satisfies(network -> {
            assertThat(network.network()).isEqualTo("Ethereum(ERC20)");
            assertThat(network.chain()).isEqualTo("ethereum");
        });
        MarketSnapshot.VenueQuote spot = pepe.quotes().get(3);
        MarketSnapshot.VenueQuote perp = pepe.quotes().get(2);
        assertThat(perp.bid()).as("the recorded spot/futures spread").isGreaterThan(spot.ask());
        assertThat(pepe.dexPools().get(0).priceUsd()).isGreaterThan(spot.ask());
    }

    @Test
    void symbolsNearAThresholdCarryTheRecordedBooksOfTheirLegsConsistentWithTheirTops() {
        MarketSnapshot pepe = snapshot("PEPE/USDT");

        assertThat(pepe.books()).extracting(book -> book.venue() + ":" + book.market())
                .containsExactly("binance:perp", "bybit:perp", "mexc:perp", "mexc:spot");
        MarketSnapshot.OrderBook spotBook = pepe.books().get(3);
        MarketSnapshot.VenueQuote spotQuote = pepe.quotes().get(3);
        assertThat(spotBook.bids().get(0).price()).isEqualByComparingTo(spotQuote.bid());
        assertThat(spotBook.asks().get(0).price()).isEqualByComparingTo(spotQuote.ask());
        assertThat(spotBook.bids().get(0).qty()).isEqualByComparingTo(spotQuote.bidQty());
        MarketSnapshot.OrderBook perpBook = pepe.books().get(2);
        assertThat(perpBook.bids().get(0).price()).isEqualByComparingTo(pepe.quotes().get(2).bid());
        assertThat(perpBook.bids().get(0).qty()).as("180 contracts of 10,000,000 PEPE").isEqualByComparingTo("1.8E9");
        MarketSnapshot.OrderBook bybitBook = pepe.books().get(1);
        assertThat(bybitBook.bids().get(0).price()).isEqualByComparingTo(pepe.quotes().get(1).bid());
        assertThat(bybitBook.bids().get(0).qty()).as("1000PEPE").isEqualByComparingTo(pepe.quotes().get(1).bidQty());
        assertThat(pepe.books()).allSatisfy(book -> {
            assertThat(book.bids()).hasSize(20);
            assertThat(book.asks().get(0).price()).isGreaterThan(book.bids().get(0).price());
            assertThat(book.quotedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        });
        assertThat(snapshot("WIF/USDT").books()).hasSize(4);
        assertThat(snapshot("BTC/USDT").books()).as("no spread near a threshold").isEmpty();
        assertThat(meters.find("market.depth.reads").tag("outcome", "failed").counters())
                .as("every book asked for is recorded").isEmpty();
    }

    @Test
    void replayedQuotesAreAsFreshAsWhenTheyWereRecorded() {
        MarketSnapshot.VenueQuote mexcPerp = snapshot("BTC/USDT").quotes().stream()
                .filter(quote -> quote.venue().equals("mexc") && quote.market().equals("perp")).findFirst()
                .orElseThrow();

        assertThat(mexcPerp.quotedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(mexcPerp.funding().nextFundingTime()).isAfter(Instant.now());
    }

    @Test
    void onlySymbolsThatCanMakeASpreadArePublished() {
        assertThat(snapshots).extracting(MarketSnapshot::symbol).contains("BTC/USDT", "WIF/USDT", "UNI/USDT")
                .doesNotContain("BTC/USDC", "LTC/USDT", "USDC/USDT");
        assertThat(snapshot("WIF/USDT").networks()).singleElement()
                .satisfies(network -> assertThat(network.withdrawEnabled()).isFalse());
        assertThat(snapshot("FLOKI/USDT").dexPools()).extracting(MarketSnapshot.DexPool::chain)
                .containsExactly("ethereum", "bsc");
    }

    private static MarketSnapshot snapshot(String symbol) {
        return snapshots.stream().filter(snapshot -> snapshot.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot for " + symbol));
    }

    private static io.cryptotracker.market.source.SourceClient client(String source) {
        return TestSources.client(source, replay.baseUrl(source), READ_TIMEOUT);
    }
}
