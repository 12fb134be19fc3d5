package io.cryptotracker.market.venue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.TestSources;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.dexscreener.DexScreener;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcNetworks;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every adapter against WireMock with the recorded payloads, and each source's ways of failing. */
class VenueAdaptersTest {

    @RegisterExtension
    static WireMockExtension source = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Clock clock = Clock.systemUTC();

    @Test
    void mexcSpotJoinsBookTopsWithQuoteVolumeAndKeepsAQuoteWhoseVolumeIsNull() {
        stubRecorded("/api/v3/ticker/bookTicker", "mexc-spot/api/v3/ticker/bookTicker");
        stubRecorded("/api/v3/ticker/24hr", "mexc-spot/api/v3/ticker/24hr");

        List<VenueQuoteOf> quotes = mexcSpot().spotQuotes();

        VenueQuoteOf pepe = quote(quotes, "PEPE/USDT");
        assertThat(pepe.venueQuote().venue()).isEqualTo("mexc");
        assertThat(pepe.venueQuote().market()).isEqualTo("spot");
        assertThat(pepe.venueQuote().bid()).isEqualByComparingTo("0.0000192181");
        assertThat(pepe.venueQuote().ask()).isGreaterThan(pepe.venueQuote().bid());
        assertThat(pepe.venueQuote().volume24hQuote()).isEqualByComparingTo("72000000");
        assertThat(pepe.venueQuote().takerFeeRate()).isEqualByComparingTo("0.0005");
        assertThat(quote(quotes, "TON/USDT").venueQuote().volume24hQuote()).as("quoteVolume null").isNull();
        assertThat(quote(quotes, "BTC/USDC").venueQuote().bid()).isEqualByComparingTo("97240.11");
        assertThat(quotes).extracting(VenueQuoteOf::symbol).doesNotContain("LUNC/USDT").as("no book, no quote");
    }

    @Test
    void mexcSpotHonoursRetryAfterOn429AndCountsIt() {
        source.stubFor(get(urlPathEqualTo("/api/v3/ticker/bookTicker")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));
        MexcSpot spot = mexcSpot();

        SourceException first = catchThrowableOfType(SourceException.class, spot::spotQuotes);
        SourceException second = catchThrowableOfType(SourceException.class, spot::spotQuotes);

        assertThat(first.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(second.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        source.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/ticker/bookTicker")));
    }

    @Test
    void mexcFuturesNormalizesVolumeFundingIntervalAndFees() {
        stubRecorded("/api/v1/contract/detail", "mexc-futures/api/v1/contract/detail");
        stubRecorded("/api/v1/contract/ticker", "mexc-futures/api/v1/contract/ticker");
        stubRecorded("/api/v1/contract/funding_rate", "mexc-futures/api/v1/contract/funding_rate");

        List<VenueQuoteOf> quotes = new MexcFutures(TestSources.client("mexc-futures", source.baseUrl()), clock)
                .perpetualQuotes();

        MarketSnapshot.VenueQuote pepe = quote(quotes, "PEPE/USDT").venueQuote();
        assertThat(pepe.market()).isEqualTo("perp");
        assertThat(pepe.takerFeeRate()).isEqualByComparingTo("0.0002");
        assertThat(pepe.funding().intervalHours()).isEqualTo(4);
        assertThat(pepe.funding().ratePer8h()).isEqualByComparingTo("0.0007");
        assertThat(pepe.funding().aprPercent()).isEqualByComparingTo("76.65");
        assertThat(pepe.funding().nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1763942400000L));
        assertThat(pepe.quotedAt()).isAfter(Instant.ofEpochMilli(1763935980000L));
        MarketSnapshot.VenueQuote bonk = quote(quotes, "BONK/USDT").venueQuote();
        assertThat(bonk.funding().intervalHours()).isEqualTo(1);
        assertThat(bonk.funding().ratePer8h()).isEqualByComparingTo("0.0072");
        // FLOKI's ticker has no amount24: contracts × contractSize × last price
        MarketSnapshot.VenueQuote floki = quote(quotes, "FLOKI/USDT").venueQuote();
        assertThat(floki.volume24hQuote()).isEqualByComparingTo(new BigDecimal("93355").multiply(
                new BigDecimal("1000000")).multiply(floki.lastPrice()));
        assertThat(quotes).extracting(VenueQuoteOf::symbol).doesNotContain("LUNA/USDT").as("state 4: delisted");
    }

    @Test
    void mexcFuturesQuotesStillGoOutWhenTheFundingListFails() {
        stubRecorded("/api/v1/contract/detail", "mexc-futures/api/v1/contract/detail");
        stubRecorded("/api/v1/contract/ticker", "mexc-futures/api/v1/contract/ticker");
        source.stubFor(get(urlPathEqualTo("/api/v1/contract/funding_rate")).willReturn(aResponse().withStatus(404)));

        List<VenueQuoteOf> quotes = new MexcFutures(TestSources.client("mexc-futures", source.baseUrl()), clock)
                .perpetualQuotes();

        MarketSnapshot.Funding pepe = quote(quotes, "PEPE/USDT").venueQuote().funding();
        assertThat(pepe.rate()).isEqualByComparingTo("0.00035");
        assertThat(pepe.intervalHours()).isEqualTo(8);
        assertThat(pepe.nextFundingTime()).isNull();
    }

    @Test
    void mexcFuturesTreatsSuccessFalseAsAFailureAndATimeoutAsUnavailable() {
        source.stubFor(get(urlPathEqualTo("/api/v1/contract/detail")).willReturn(okJson("""
                {"success": false, "code": 510, "message": "Requests are too frequent"}""")));
        MexcFutures futures = new MexcFutures(TestSources.client("mexc-futures", source.baseUrl()), clock);
        assertThat(catchThrowableOfType(SourceException.class, futures::perpetualQuotes).kind())
                .isEqualTo(SourceException.Kind.RATE_LIMITED);

        source.stubFor(get(urlPathEqualTo("/api/v1/contract/detail"))
                .willReturn(okJson("{\"success\":true,\"code\":0,\"data\":[]}").withFixedDelay(1500)));
        MexcFutures slow = new MexcFutures(TestSources.client("mexc-futures", source.baseUrl()), clock);
        assertThat(catchThrowableOfType(SourceException.class, slow::perpetualQuotes).kind())
                .isEqualTo(SourceException.Kind.UNAVAILABLE);
    }

    @Test
    void binanceUsesTheListedFundingIntervalsAndPricesMultipliedContractsPerToken() {
        stubRecorded("/fapi/v1/fundingInfo", "binance-futures/fapi/v1/fundingInfo");
        stubRecorded("/fapi/v1/premiumIndex", "binance-futures/fapi/v1/premiumIndex");

        List<VenueQuoteOf> quotes = binance().perpetualQuotes();

        MarketSnapshot.VenueQuote wif = quote(quotes, "WIF/USDT").venueQuote();
        assertThat(wif.funding().intervalHours()).isEqualTo(4);
        assertThat(wif.funding().ratePer8h()).isEqualByComparingTo("0.0001");
        MarketSnapshot.VenueQuote pepe = quote(quotes, "PEPE/USDT").venueQuote();
        assertThat(pepe.funding().intervalHours()).isEqualTo(8);
        assertThat(pepe.markPrice()).isEqualByComparingTo("0.000019221922");
        assertThat(pepe.quotedAt()).isEqualTo(Instant.ofEpochMilli(1763935979000L));
        assertThat(quotes).extracting(VenueQuoteOf::symbol).doesNotContain("BTCUSDT_251226").as("delivery");
    }

    @Test
    void binanceA418BanPausesTheSourceForItsRetryAfter() {
        source.stubFor(get(urlPathEqualTo("/fapi/v1/fundingInfo")).willReturn(aResponse().withStatus(418)
                .withHeader("Retry-After", "120")
                .withBody("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned\"}")));
        BinanceFutures binance = binance();

        SourceException ban = catchThrowableOfType(SourceException.class, binance::perpetualQuotes);
        SourceException after = catchThrowableOfType(SourceException.class, binance::perpetualQuotes);

        assertThat(ban.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        assertThat(ban.status()).isEqualTo(418);
        assertThat(ban.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(after.retryAfter()).isGreaterThan(Duration.ofSeconds(100));
        source.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/fundingInfo")));
    }

    @Test
    void bybitReadsIntervalsInMinutesAndBookTops() {
        stubRecorded("/v5/market/instruments-info", "bybit-linear/v5/market/instruments-info");
        stubRecorded("/v5/market/tickers", "bybit-linear/v5/market/tickers");

        List<VenueQuoteOf> quotes = bybit().perpetualQuotes();

        MarketSnapshot.VenueQuote bonk = quote(quotes, "BONK/USDT").venueQuote();
        assertThat(bonk.funding().intervalHours()).isEqualTo(4);
        assertThat(bonk.funding().ratePer8h()).isEqualByComparingTo("0.0003");
        assertThat(bonk.bid()).isLessThan(bonk.ask());
        assertThat(bonk.bid()).isLessThan(BigDecimal.ONE).as("1000BONK priced per token");
        assertThat(quote(quotes, "SHIB/USDT").venueQuote().volume24hQuote()).isPositive();
        assertThat(quote(quotes, "UNI/USDT").venueQuote().funding()).as("empty fundingRate").isNull();
        source.verify(getRequestedFor(urlPathEqualTo("/v5/market/tickers")).withQueryParam("category",
                equalTo("linear")));
    }

    @Test
    void bybitServerErrorsAndRetCodesAreFailures() {
        source.stubFor(get(urlPathEqualTo("/v5/market/instruments-info")).willReturn(aResponse().withStatus(502)));
        assertThat(catchThrowableOfType(SourceException.class, bybit()::perpetualQuotes).kind())
                .isEqualTo(SourceException.Kind.UNAVAILABLE);

        source.stubFor(get(urlPathEqualTo("/v5/market/instruments-info")).willReturn(okJson("""
                {"retCode": 10006, "retMsg": "Too many visits!", "result": {}, "time": 1763935980000}""")));
        assertThat(catchThrowableOfType(SourceException.class, bybit()::perpetualQuotes).kind())
                .isEqualTo(SourceException.Kind.RATE_LIMITED);
    }

    @Test
    void dexScreenerAsksUpToThirtyAddressesPerCallAndSkipsPoolsWithoutAUsdPrice() {
        String wif = "EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm";
        String bonk = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
        String both = TestSources.recorded("dexscreener/tokens/v1/solana/" + wif).trim();
        String bonkPairs = TestSources.recorded("dexscreener/tokens/v1/solana/" + bonk).trim();
        source.stubFor(get(urlPathEqualTo("/tokens/v1/solana/" + wif + "," + bonk)).willReturn(okJson(
                both.substring(0, both.length() - 1) + "," + bonkPairs.substring(1))));

        List<MarketSnapshot.DexPool> pools = dexScreener().pools(List.of(new DexPoolSource.TokenAddress("solana", wif),
                new DexPoolSource.TokenAddress("solana", bonk)));

        assertThat(pools).extracting(MarketSnapshot.DexPool::dex).containsExactly("raydium", "raydium")
                .as("the orca pool has no priceUsd");
        assertThat(pools.get(0).tokenAddress()).isEqualTo(wif);
        assertThat(pools.get(0).liquidityUsd()).isEqualByComparingTo("9876543.21");
        assertThat(pools.get(0).priceUsd()).isPositive();
    }

    @Test
    void dexScreenerMalformedJsonIsReportedAsSuch() {
        source.stubFor(get(urlPathMatching("/tokens/v1/.*")).willReturn(okJson("<html>cloudflare</html>")));

        assertThat(catchThrowableOfType(SourceException.class, () -> dexScreener().pools(
                List.of(new DexPoolSource.TokenAddress("ethereum", "0x6982508145454Ce325dDbE47a25d4ec3d2311933"))))
                .kind()).isEqualTo(SourceException.Kind.MALFORMED);
    }

    @Test
    void mexcNetworksSignsTheCallAndMapsNetworksToDexChains() {
        stubRecorded("/api/v3/capital/config/getall", "mexc-spot/api/v3/capital/config/getall");

        Map<String, List<MarketSnapshot.NetworkStatus>> networks = new MexcNetworks(
                TestSources.client("mexc-capital", source.baseUrl()), "key-1", "secret-1", clock).networks();

        assertThat(networks.get("WIF")).singleElement().satisfies(sol -> {
            assertThat(sol.chain()).isEqualTo("solana");
            assertThat(sol.withdrawEnabled()).isFalse();
            assertThat(sol.contractAddress()).isEqualTo("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm");
        });
        assertThat(networks.get("FLOKI")).extracting(MarketSnapshot.NetworkStatus::chain).containsExactly("ethereum",
                "bsc");
        source.verify(getRequestedFor(urlPathEqualTo("/api/v3/capital/config/getall"))
                .withHeader("X-MEXC-APIKEY", equalTo("key-1")).withQueryParam("timestamp", matching("\\d{13}"))
                .withQueryParam("signature", matching("[0-9a-f]{64}")));
    }

    private MexcSpot mexcSpot() {
        return new MexcSpot(TestSources.client("mexc-spot", source.baseUrl()), new BigDecimal("0.0005"), clock);
    }

    private BinanceFutures binance() {
        return new BinanceFutures(TestSources.client("binance-futures", source.baseUrl()), new BigDecimal("0.0005"),
                clock);
    }

    private BybitLinear bybit() {
        return new BybitLinear(TestSources.client("bybit-linear", source.baseUrl()), new BigDecimal("0.00055"), clock);
    }

    private DexScreener dexScreener() {
        return new DexScreener(TestSources.client("dexscreener", source.baseUrl()), clock);
    }

    private static void stubRecorded(String path, String recorded) {
        source.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(TestSources.recorded(recorded))));
    }

    private static VenueQuoteOf quote(List<VenueQuoteOf> quotes, String symbol) {
        return quotes.stream().filter(quote -> quote.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote for " + symbol));
    }
}
