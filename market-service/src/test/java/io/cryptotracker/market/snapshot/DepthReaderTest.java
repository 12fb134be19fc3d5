package io.cryptotracker.market.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.TestClock;
import io.cryptotracker.market.source.TestSources;
import io.cryptotracker.market.venue.OrderBookSource;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The depth step against the four venues on WireMock: which books are asked for, in what order, and that over
 * minutes of rounds no venue receives more depth requests than its budget – a fraction of its published limit.
 */
class DepthReaderTest {

    /** The published limits per minute (README "Order-book depth"), in each venue's unit. */
    private static final int MEXC_SPOT_LIMIT = 3_000;
    private static final int MEXC_FUTURES_LIMIT = 600;
    private static final int BINANCE_WEIGHT_LIMIT = 2_400;
    private static final int BYBIT_LIMIT = 7_200;
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final int SYMBOLS = 30;

    @RegisterExtension
    static WireMockExtension venues = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T19:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, String> instruments = new HashMap<>();
    private List<MarketSnapshot> snapshots;

    /** The defaults of {@link DepthProperties}. */
    static DepthProperties defaults() {
        return new DepthProperties(true, 50,
                List.of(new BigDecimal("1000"), new BigDecimal("10000"), new BigDecimal("50000")),
                new BigDecimal("0.3"), new BigDecimal("0.03"), 60, 60, 120, 120);
    }

    @BeforeEach
    void venuesAnswerEveryBook() {
        StringBuilder contracts = new StringBuilder();
        snapshots = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            String base = "Q" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            contracts.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(base)
                    .append("_USDT\",\"contractSize\":10,\"takerFeeRate\":0.0002,\"state\":0}");
            // spot vs perp 0.29 % + i × 0.05 %: the first is below the candidate level, the later the wider
            BigDecimal perp = new BigDecimal("1.003").add(new BigDecimal("0.0005").multiply(BigDecimal.valueOf(i)));
            snapshots.add(snapshot(base, perp));
        }
        venues.stubFor(get(urlPathEqualTo("/api/v1/contract/detail")).willReturn(okJson(
                "{\"success\":true,\"code\":0,\"data\":[" + contracts + "]}")));
        venues.stubFor(get(urlPathEqualTo("/api/v3/depth")).willReturn(okJson("""
                {"lastUpdateId": 1, "bids": [["1.0000", "500"], ["0.9999", "800"]],
                 "asks": [["1.0001", "400"]], "timestamp": 1764788399000}""")));
        venues.stubFor(get(urlPathMatching("/api/v1/contract/depth/.*")).willReturn(okJson("""
                {"success": true, "code": 0, "data": {"bids": [[1.005, 30, 1]], "asks": [[1.006, 20, 2]],
                 "version": 7, "timestamp": 1764788399100}}""")));
        venues.stubFor(get(urlPathEqualTo("/fapi/v1/depth")).willReturn(okJson("""
                {"lastUpdateId": 9, "E": 1764788399300, "T": 1764788399290,
                 "bids": [["1.0050", "900"]], "asks": [["1.0051", "700"]]}""")));
        venues.stubFor(get(urlPathEqualTo("/v5/market/orderbook")).willReturn(okJson("""
                {"retCode": 0, "retMsg": "OK", "result": {"s": "X", "b": [["1.0050", "50"]], "a": [["1.0052", "60"]],
                 "ts": 1764788399200, "u": 1, "seq": 2}, "time": 1764788399250}""")));
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Test
    void overThreeMinutesOfRoundsNoVenueGetsMoreDepthRequestsThanItsBudgetAndTheWidestSpreadsGetThem() {
        DepthReader reader = reader(defaults());
        List<Map<String, Integer>> perRound = new ArrayList<>();
        Map<String, Integer> before = counts();
        List<MarketSnapshot> last = List.of();
        for (int round = 0; round < 36; round++) {
            last = reader.withBooks(snapshots, instruments);
            // WireMock journals a request just after answering it: wait until it holds every read of the round
            assertThat(meters.find("market.depth.reads").tag("outcome", "failed").counters()).isEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> counts().equals(readsCounted()));
            Map<String, Integer> after = counts();
            Map<String, Integer> sent = new LinkedHashMap<>();
            after.forEach((venue, count) -> sent.put(venue, count - before.get(venue)));
            before.putAll(after);
            perRound.add(sent);
            clock.advance(POLL);
        }

        for (int from = 0; from + 12 <= perRound.size(); from++) {
            Map<String, Integer> minute = new HashMap<>();
            perRound.subList(from, from + 12).forEach(sent -> sent.forEach((venue, n) -> minute.merge(venue, n,
                    Integer::sum)));
            assertThat(minute.get("mexc-spot")).as("MEXC spot, minute from round " + from).isEqualTo(60)
                    .isLessThanOrEqualTo(MEXC_SPOT_LIMIT / 2);
            assertThat(minute.get("mexc-futures")).as("MEXC futures").isEqualTo(60)
                    .isLessThanOrEqualTo(MEXC_FUTURES_LIMIT / 2);
            assertThat(minute.get("binance-futures") * 2).as("Binance weight, limit=50 costs 2").isEqualTo(120)
                    .isLessThanOrEqualTo(BINANCE_WEIGHT_LIMIT / 2);
            assertThat(minute.get("bybit-linear")).as("Bybit").isEqualTo(120).isLessThanOrEqualTo(BYBIT_LIMIT / 2);
        }
        assertThat(perRound).allSatisfy(sent -> {
            assertThat(sent.get("mexc-futures")).as("MEXC futures: 20 per 2 s").isLessThanOrEqualTo(20);
            assertThat(sent.get("bybit-linear")).as("Bybit: 600 per 5 s").isLessThanOrEqualTo(600);
        });
        List<String> withBooks = last.stream().filter(snapshot -> !snapshot.books().isEmpty())
                .map(MarketSnapshot::symbol).toList();
        assertThat(withBooks).as("the ten widest spreads (Bybit's share); the other venues' five are among them")
                .containsExactlyInAnyOrder("QAU/USDT", "QAV/USDT", "QAW/USDT", "QAX/USDT", "QAY/USDT", "QAZ/USDT",
                        "QBA/USDT", "QBB/USDT", "QBC/USDT", "QBD/USDT");
        assertThat(last.get(SYMBOLS - 1).books()).extracting(book -> book.venue() + ":" + book.market())
                .containsExactly("binance:perp", "bybit:perp", "mexc:perp", "mexc:spot");
        assertThat(last.get(SYMBOLS - 6).books()).extracting(MarketSnapshot.OrderBook::venue)
                .containsExactly("bybit");
        venues.verify(getRequestedFor(urlPathEqualTo("/fapi/v1/depth")).withQueryParam("symbol",
                WireMock.equalTo("QBDUSDT")).withQueryParam("limit", WireMock.equalTo("50")));
        assertThat(meters.find("market.depth.skipped").tag("source", "mexc-spot").counter().count())
                .as("29 candidates, 5 read a round").isEqualTo(36 * (SYMBOLS - 1 - 5));
    }

    @Test
    void aVenueThatAnswers429IsSkippedForTheRoundAndItsCoolDownWhileTheOthersAreRead() {
        venues.stubFor(get(urlPathEqualTo("/fapi/v1/depth")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60")));
        DepthReader reader = reader(defaults());

        List<MarketSnapshot> first = reader.withBooks(snapshots, instruments);
        clock.advance(POLL);
        List<MarketSnapshot> second = reader.withBooks(snapshots, instruments);

        assertThat(first.get(SYMBOLS - 1).books()).extracting(MarketSnapshot.OrderBook::venue)
                .containsExactly("bybit", "mexc", "mexc");
        assertThat(second.get(SYMBOLS - 1).books()).extracting(MarketSnapshot.OrderBook::venue)
                .containsExactly("bybit", "mexc", "mexc");
        venues.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/depth")));
        venues.verify(10, getRequestedFor(urlPathEqualTo("/api/v3/depth")));
        assertThat(meters.find("market.depth.reads").tags("source", "binance-futures", "outcome", "rate_limited")
                .counter().count()).isEqualTo(2);
    }

    @Test
    void symbolsBelowTheCandidateLevelAndADisabledStepReadNothing() {
        List<MarketSnapshot> narrow = List.of(snapshot("QQQ", new BigDecimal("1.0025")));

        List<MarketSnapshot> books = reader(defaults()).withBooks(narrow, instruments);
        DepthProperties off = new DepthProperties(false, 50, List.of(BigDecimal.TEN), BigDecimal.ONE,
                BigDecimal.ONE, 60, 60, 120, 120);
        reader(off).withBooks(snapshots, instruments);

        assertThat(books.get(0).books()).isEmpty();
        assertThat(venues.getAllServeEvents()).as("0.25 %: below 0.3 %; and the switched-off reader").isEmpty();
    }

    /** Clients that wait for WireMock as long as production does: a read timed out on a loaded machine is not sent. */
    private DepthReader reader(DepthProperties properties) {
        Clock real = Clock.systemUTC();
        List<OrderBookSource> sources = List.of(
                new MexcSpot(client("mexc-spot"), new BigDecimal("0.0005"), real),
                new MexcFutures(client("mexc-futures"), real),
                new BinanceFutures(client("binance-futures"), new BigDecimal("0.0005"), real),
                new BybitLinear(client("bybit-linear"), new BigDecimal("0.00055"), real));
        return new DepthReader(sources, properties, POLL, clock, executor, meters);
    }

    /**
     * Four legs of one symbol: MEXC spot and Bybit's perp at 1.0000/1.0001, Binance's mark at 1.00005, MEXC's perp bid
     * at {@code perp} – so every leg is in a spread as wide as MEXC's spot/perp one (and no funding spread).
     */
    private MarketSnapshot snapshot(String base, BigDecimal perp) {
        String symbol = base + "/USDT";
        instruments.put(symbol + "|mexc|spot", base + "USDT");
        instruments.put(symbol + "|mexc|perp", base + "_USDT");
        instruments.put(symbol + "|binance|perp", base + "USDT");
        instruments.put(symbol + "|bybit|perp", base + "USDT");
        BigDecimal perpAsk = perp.add(new BigDecimal("0.0001"));
        return MarketSnapshot.of(symbol, base, "USDT", List.of(
                quote("binance", null, null, new BigDecimal("1.00005"), "0.0001"),
                quote("bybit", new BigDecimal("1.0000"), new BigDecimal("1.0001"), null, "0.0001"),
                quote("mexc", perp, perpAsk, null, "0.0001"),
                new MarketSnapshot.VenueQuote("mexc", "spot", new BigDecimal("1.0000"), new BigDecimal("1.0001"), null,
                        null, null, null, null, null, null, null, clock.instant())), List.of(), List.of());
    }

    private MarketSnapshot.VenueQuote quote(String venue, BigDecimal bid, BigDecimal ask, BigDecimal mark,
            String ratePer8h) {
        return new MarketSnapshot.VenueQuote(venue, "perp", bid, ask, null, null, null, mark, null, null, null,
                new MarketSnapshot.Funding(new BigDecimal(ratePer8h), 8, new BigDecimal(ratePer8h), null, null),
                clock.instant());
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("mexc-spot", count(getRequestedFor(urlPathEqualTo("/api/v3/depth"))));
        counts.put("mexc-futures", count(getRequestedFor(urlPathMatching("/api/v1/contract/depth/.*"))));
        counts.put("binance-futures", count(getRequestedFor(urlPathEqualTo("/fapi/v1/depth"))));
        counts.put("bybit-linear", count(getRequestedFor(urlPathEqualTo("/v5/market/orderbook"))));
        return counts;
    }

    private static io.cryptotracker.market.source.SourceClient client(String source) {
        return TestSources.client(source, venues.baseUrl(), Duration.ofSeconds(10));
    }

    /** Depth reads the reader made (and counted) per source. */
    private Map<String, Integer> readsCounted() {
        Map<String, Integer> reads = new LinkedHashMap<>();
        for (String source : List.of("mexc-spot", "mexc-futures", "binance-futures", "bybit-linear")) {
            reads.put(source, (int) meters.find("market.depth.reads").tag("source", source).counters().stream()
                    .mapToDouble(counter -> counter.count()).sum());
        }
        return reads;
    }

    private static int count(RequestPatternBuilder pattern) {
        return venues.countRequestsMatching(pattern.build()).getCount();
    }
}
