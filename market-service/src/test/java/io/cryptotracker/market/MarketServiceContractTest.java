package io.cryptotracker.market;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.cryptotracker.common.testsupport.ServiceContractTest;
import io.cryptotracker.market.cmc.CmcStatus;
import io.cryptotracker.market.cmc.CoinListingCache;
import io.cryptotracker.market.cmc.CoinMarketCapSync;
import io.cryptotracker.market.source.TestSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * market-service on real PostgreSQL and Kafka, its sources on WireMock answering with the recorded payloads: the
 * operational contract of every service, the listings API from the cache, and CMC failures that do not reach
 * callers.
 */
class MarketServiceContractTest extends ServiceContractTest {

    private static final WireMockServer sources = new WireMockServer(wireMockConfig().dynamicPort());
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String LISTINGS = "/v1/cryptocurrency/listings/latest";

    static {
        sources.start();
    }

    @DynamicPropertySource
    static void sourcesOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.market.mode", () -> "live");
        registry.add("cryptotracker.market.cmc.base-url", sources::baseUrl);
        registry.add("cryptotracker.market.cmc.api-key", () -> "test-key");
        registry.add("cryptotracker.market.cmc.initial-delay", () -> "1h");
        registry.add("cryptotracker.market.cmc.cache-ttl", () -> "0s");
    }

    @Autowired
    CoinMarketCapSync sync;

    @Autowired
    CmcStatus cmcStatus;

    @Autowired
    CoinListingCache cache;

    @AfterAll
    static void stopSources() {
        sources.stop();
    }

    @BeforeEach
    void cmcAnswersWithTheRecordedListings() {
        sources.resetAll();
        sources.stubFor(WireMock.get(urlPathEqualTo(LISTINGS))
                .willReturn(okJson(TestSources.recorded("cmc/v1/cryptocurrency/listings/latest"))));
        assertThat(sync.syncNow()).isTrue();
    }

    @Test
    void listingsArePagedAndSortedByMarketCap() throws Exception {
        JsonNode page = body(get("/api/v1/market/cryptocurrencies?sort=market_cap,desc&page=1&size=5"));

        assertThat(page.path("total_items").asInt()).isEqualTo(26);
        assertThat(page.path("total_pages").asInt()).isEqualTo(6);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(symbols(page)).containsExactly("XRP", "DOGE", "USDC", "ADA", "TRX");
        JsonNode xrp = page.path("items").get(0);
        assertThat(xrp.path("cmc_id").asLong()).isEqualTo(52);
        assertThat(xrp.path("price").decimalValue()).isEqualByComparingTo("1.4312");
        assertThat(xrp.has("volume_24h")).isTrue();
        assertThat(xrp.has("percent_change_24h")).isTrue();
    }

    @Test
    void listingsAreSearchedBySymbolOrNameAndSortedByChange() throws Exception {
        JsonNode page = body(get("/api/v1/market/cryptocurrencies?q=COIN&sort=percent_change_24h,asc"));

        assertThat(symbols(page)).containsExactly("TON", "LTC", "BTC", "DOGE");
    }

    @Test
    void oneCoinIsFoundBySymbolInAnyCaseAndAnUnknownOneIsA404Problem() throws Exception {
        JsonNode pepe = body(get("/api/v1/market/cryptocurrencies/pepe"));
        HttpResponse<String> unknown = get("/api/v1/market/cryptocurrencies/NOPE");

        assertThat(pepe.path("name").asString()).isEqualTo("Pepe");
        assertThat(pepe.path("rank").asInt()).isEqualTo(17);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aBadSortOrSizeIsA400NamingTheParameter() throws Exception {
        HttpResponse<String> sort = get("/api/v1/market/cryptocurrencies?sort=colour");
        HttpResponse<String> size = get("/api/v1/market/cryptocurrencies?size=500");
        HttpResponse<String> page = get("/api/v1/market/cryptocurrencies?page=x");

        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(sort.body()).contains("\"field\":\"sort\"");
        assertThat(size.statusCode()).isEqualTo(400);
        assertThat(size.body()).contains("\"field\":\"size\"");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("page");
    }

    @Test
    void theStoredListingsAreServedWhileCoinMarketCapIsDown() throws Exception {
        sources.stubFor(WireMock.get(urlPathEqualTo(LISTINGS)).willReturn(aResponse().withStatus(503)));
        assertThat(sync.syncNow()).isFalse();
        sources.stubFor(WireMock.get(urlPathEqualTo(LISTINGS)).willReturn(okJson("""
                {"status": {"error_code": 500, "error_message": "An internal server error occurred"}}""")));
        assertThat(sync.syncNow()).isFalse();
        cache.invalidate();

        JsonNode page = body(get("/api/v1/market/cryptocurrencies?sort=rank"));
        JsonNode health = body(get("/actuator/health"));

        assertThat(page.path("total_items").asInt()).isEqualTo(26);
        assertThat(symbols(page).get(0)).isEqualTo("BTC");
        JsonNode cmc = health.path("components").path("coinMarketCap");
        assertThat(cmc.path("status").asString()).isEqualTo("UP");
        assertThat(cmc.path("details").path("last_error").asString()).contains("error_code 500");
        assertThat(cmcStatus.keyState()).isEqualTo(CmcStatus.KeyState.CONFIGURED);
    }

    @Test
    void marketDataNeedsNoToken() throws Exception {
        assertThat(get("/api/v1/market/cryptocurrencies").statusCode()).isEqualTo(200);
    }

    private static JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> symbols(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("symbol").asString()).toList();
    }
}
