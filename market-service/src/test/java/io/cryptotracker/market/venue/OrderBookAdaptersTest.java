package io.cryptotracker.market.venue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.TestSources;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each venue's depth answer, as its API documents it, read into base-unit levels best first. */
class OrderBookAdaptersTest {

    @RegisterExtension
    static WireMockExtension venue = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Clock clock = Clock.systemUTC();

    @Test
    void mexcSpotReadsStringLevelsInCoinsWithTheBooksTimestamp() {
        stubRecorded("/api/v3/depth", "mexc-spot/api/v3/depth/PEPEUSDT");

        MarketSnapshot.OrderBook book = mexcSpot().orderBook("PEPEUSDT", 50);

        assertThat(book.venue()).isEqualTo("mexc");
        assertThat(book.market()).isEqualTo("spot");
        assertThat(book.bids().get(0)).isEqualTo(level("0.0000192181", "1638600000"));
        assertThat(book.asks().get(0)).isEqualTo(level("0.0000192219", "1278000000"));
        assertThat(book.bids()).hasSize(20).isSortedAccordingTo((a, b) -> b.price().compareTo(a.price()));
        assertThat(book.asks()).isSortedAccordingTo((a, b) -> a.price().compareTo(b.price()));
        assertThat(book.quotedAt()).isEqualTo(Instant.ofEpochMilli(1763935979812L));
        venue.verify(getRequestedFor(urlPathEqualTo("/api/v3/depth")).withQueryParam("symbol", equalTo("PEPEUSDT"))
                .withQueryParam("limit", equalTo("50")));
    }

    @Test
    void mexcFuturesCountsContractsInCoinsThroughTheContractSize() {
        stubRecorded("/api/v1/contract/detail", "mexc-futures/api/v1/contract/detail");
        stubRecorded("/api/v1/contract/depth/PEPE_USDT", "mexc-futures/api/v1/contract/depth/PEPE_USDT");

        MarketSnapshot.OrderBook book = new MexcFutures(TestSources.client("mexc-futures", venue.baseUrl()), clock)
                .orderBook("PEPE_USDT", 50);

        assertThat(book.market()).isEqualTo("perp");
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("0.0000193747");
        assertThat(book.bids().get(0).qty()).as("180 contracts × 10,000,000 PEPE").isEqualByComparingTo("1800000000");
        assertThat(book.asks().get(0).qty()).isEqualByComparingTo("2400000000");
        assertThat(book.quotedAt()).isEqualTo(Instant.ofEpochMilli(1763935979950L));
        venue.verify(getRequestedFor(urlPathEqualTo("/api/v1/contract/depth/PEPE_USDT")).withQueryParam("limit",
                equalTo("50")));
    }

    @Test
    void mexcFuturesWithoutAContractSizeReadsNoBookRatherThanCountingContractsAsCoins() {
        venue.stubFor(get(urlPathEqualTo("/api/v1/contract/detail")).willReturn(okJson("""
                {"success": true, "code": 0, "data": [{"symbol": "BTC_USDT", "contractSize": 0.0001, "state": 0}]}""")));

        SourceException failure = catchThrowableOfType(SourceException.class,
                () -> new MexcFutures(TestSources.client("mexc-futures", venue.baseUrl()), clock).orderBook("NEW_USDT",
                        50));

        assertThat(failure.kind()).isEqualTo(SourceException.Kind.FAILED);
        venue.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/contract/depth/NEW_USDT")));
    }

    @Test
    void binancePricesAThousandPepeContractPerTokenAndCountsItsQuantityInTokens() {
        stubRecorded("/fapi/v1/depth", "binance-futures/fapi/v1/depth/1000PEPEUSDT");
        BinanceFutures binance = new BinanceFutures(TestSources.client("binance-futures", venue.baseUrl()),
                new BigDecimal("0.0005"), clock);

        MarketSnapshot.OrderBook book = binance.orderBook("1000PEPEUSDT", 50);

        assertThat(book.bids().get(0).price()).isEqualByComparingTo("0.0000192219");
        assertThat(book.bids().get(0).qty()).isEqualByComparingTo("1450000000");
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("0.000019222");
        assertThat(book.quotedAt()).as("the matching engine's time T").isEqualTo(Instant.ofEpochMilli(1763935979291L));
        assertThat(binance.weight(50)).isEqualTo(2);
        assertThat(binance.weight(60)).as("asks for 100").isEqualTo(5);
        assertThat(binance.weight(500)).isEqualTo(10);
        assertThat(binance.weight(1000)).isEqualTo(20);
    }

    @Test
    void bybitReadsTheResultsLevelsAndTimeAndAThousandPepeContract() {
        stubRecorded("/v5/market/orderbook", "bybit-linear/v5/market/orderbook/1000PEPEUSDT");

        MarketSnapshot.OrderBook book = bybit().orderBook("1000PEPEUSDT", 50);

        assertThat(book.bids().get(0)).isEqualTo(level("0.0000192219", "1372000000"));
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("0.0000192238");
        assertThat(book.quotedAt()).isEqualTo(Instant.ofEpochMilli(1763935979905L));
        venue.verify(getRequestedFor(urlPathEqualTo("/v5/market/orderbook")).withQueryParam("category",
                equalTo("linear")).withQueryParam("symbol", equalTo("1000PEPEUSDT")).withQueryParam("limit",
                        equalTo("50")));
    }

    @Test
    void emptySidesAndLevelsWithoutQuantityAreEmptyNotAnError() {
        venue.stubFor(get(urlPathEqualTo("/v5/market/orderbook")).willReturn(okJson("""
                {"retCode": 0, "retMsg": "OK", "result": {"s": "WIFUSDT", "b": [], "a": [["3.41068", "0"],
                 ["3.41070", "12.5"]], "ts": 1763935979905, "u": 1, "seq": 2}, "time": 1763935979960}""")));
        venue.stubFor(get(urlPathEqualTo("/api/v3/depth")).willReturn(okJson("""
                {"lastUpdateId": 1, "bids": [], "asks": []}""")));

        MarketSnapshot.OrderBook bybit = bybit().orderBook("WIFUSDT", 50);
        MarketSnapshot.OrderBook spot = mexcSpot().orderBook("WIFUSDT", 50);

        assertThat(bybit.bids()).isEmpty();
        assertThat(bybit.asks()).containsExactly(level("3.41070", "12.5"));
        assertThat(spot.bids()).isEmpty();
        assertThat(spot.asks()).isEmpty();
        assertThat(spot.quotedAt()).as("no timestamp: the fetch time").isNotNull();
    }

    @Test
    void aRefusalOrAnErrorCodeIsASourceFailure() {
        venue.stubFor(get(urlPathEqualTo("/fapi/v1/depth")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));
        venue.stubFor(get(urlPathEqualTo("/v5/market/orderbook")).willReturn(okJson("""
                {"retCode": 10001, "retMsg": "params error: symbol invalid", "result": {}, "time": 1763935979960}""")));

        SourceException limited = catchThrowableOfType(SourceException.class,
                () -> new BinanceFutures(TestSources.client("binance-futures", venue.baseUrl()), BigDecimal.ZERO,
                        clock).orderBook("WIFUSDT", 50));
        SourceException refused = catchThrowableOfType(SourceException.class,
                () -> bybit().orderBook("NOPEUSDT", 50));

        assertThat(limited.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refused.kind()).isEqualTo(SourceException.Kind.FAILED);
    }

    @Test
    void anInstrumentNameThatIsNotOneIsNeverSentToAVenue() {
        SourceException failure = catchThrowableOfType(SourceException.class,
                () -> mexcSpot().orderBook("PEPEUSDT&limit=5000", 50));

        assertThat(failure.kind()).isEqualTo(SourceException.Kind.FAILED);
        assertThat(venue.getAllServeEvents()).isEmpty();
    }

    private MexcSpot mexcSpot() {
        return new MexcSpot(TestSources.client("mexc-spot", venue.baseUrl()), new BigDecimal("0.0005"), clock);
    }

    private BybitLinear bybit() {
        return new BybitLinear(TestSources.client("bybit-linear", venue.baseUrl()), new BigDecimal("0.00055"), clock);
    }

    private static MarketSnapshot.Level level(String price, String qty) {
        return new MarketSnapshot.Level(new BigDecimal(price), new BigDecimal(qty));
    }

    private static void stubRecorded(String path, String recorded) {
        venue.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(TestSources.recorded(recorded))));
    }
}
