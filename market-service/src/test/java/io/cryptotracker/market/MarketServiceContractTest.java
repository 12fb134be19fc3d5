package io.cryptotracker.market;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.testsupport.BadInputSweep;
import io.cryptotracker.testsupport.ServiceContractTest;
import io.cryptotracker.market.cmc.CmcStatus;
import io.cryptotracker.market.cmc.CoinListingCache;
import io.cryptotracker.market.cmc.CoinMarketCapSync;
import io.cryptotracker.market.replay.ReplayServer;
import io.cryptotracker.market.snapshot.MarketPoller;
import io.cryptotracker.market.source.TestSources;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * market-service on real PostgreSQL and Kafka; CoinMarketCap on WireMock, the exchanges and DexScreener on the
 * replay stub as if it were their live hosts: the operational contract of every service, the listings API from the
 * cache, CMC failures that do not reach callers, and snapshots on Kafka in the contract form.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketServiceContractTest extends ServiceContractTest {

    private static final WireMockServer sources = new WireMockServer(wireMockConfig().dynamicPort());
    private static final ReplayServer exchanges = startReplay();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String LISTINGS = "/v1/cryptocurrency/listings/latest";

    static {
        sources.start();
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/market/cryptocurrencies",
                "/api/v1/market/cryptocurrencies/{symbol}");
    }

    /** {@code {symbol}} is a coin of the recorded listings, so the one-coin answer's body is checked too. */
    @Override
    protected BadInputSweep.Samples badInputSamples() {
        return new BadInputSweep.Samples().pathValues("symbol", "BTC");
    }

    @DynamicPropertySource
    static void sourcesOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.market.mode", () -> "live");
        registry.add("cryptotracker.market.cmc.base-url", sources::baseUrl);
        registry.add("cryptotracker.market.cmc.api-key", () -> "test-key");
        registry.add("cryptotracker.market.cmc.initial-delay", () -> "1h");
        registry.add("cryptotracker.market.cmc.cache-ttl", () -> "0s");
        registry.add("cryptotracker.market.cmc.requests-per-minute", () -> "6000");
        registry.add("cryptotracker.market.mexc.spot-base-url", () -> exchanges.baseUrl("mexc-spot"));
        registry.add("cryptotracker.market.mexc.futures-base-url", () -> exchanges.baseUrl("mexc-futures"));
        registry.add("cryptotracker.market.mexc.api-key", () -> "test-key");
        registry.add("cryptotracker.market.mexc.api-secret", () -> "test-secret");
        registry.add("cryptotracker.market.venues.binance-base-url", () -> exchanges.baseUrl("binance-futures"));
        registry.add("cryptotracker.market.venues.bybit-base-url", () -> exchanges.baseUrl("bybit-linear"));
        registry.add("cryptotracker.market.venues.dexscreener-base-url", () -> exchanges.baseUrl("dexscreener"));
        registry.add("cryptotracker.market.venues.initial-delay", () -> "1h");
    }

    private static ReplayServer startReplay() {
        try {
            return new ReplayServer("replay", 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Autowired
    CoinMarketCapSync sync;

    @Autowired
    CmcStatus cmcStatus;

    @Autowired
    CoinListingCache cache;

    @Autowired
    MarketPoller poller;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @AfterAll
    static void stopSources() {
        sources.stop();
        exchanges.close();
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

    @Test
    void snapshotsOfEverySymbolReachKafkaKeyedBySymbolInTheContractForm() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            assertThat(poller.publishRound()).isGreaterThan(10);

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(record -> "PEPE/USDT".equals(record.key()));
            });

            ConsumerRecord<String, String> pepe = received.stream().filter(record -> "PEPE/USDT".equals(record.key()))
                    .findFirst().orElseThrow();
            MarketSnapshot snapshot = EventJson.read(pepe.value(), MarketSnapshot.class);
            assertThat(snapshot.symbol()).isEqualTo("PEPE/USDT");
            assertThat(snapshot.quotes()).hasSize(4);
            assertThat(snapshot.dexPools()).hasSize(2);
            assertThat(snapshot.books()).as("PEPE's spreads are past the depth candidate level")
                    .extracting(book -> book.venue() + ":" + book.market())
                    .containsExactly("binance:perp", "bybit:perp", "mexc:perp", "mexc:spot");
            assertThat(new String(pepe.headers().lastHeader("event_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(MarketSnapshot.TYPE);
            JsonNode wire = json.readTree(pepe.value());
            assertThat(wire.path("type").asString()).isEqualTo("MarketSnapshot");
            assertThat(wire.path("quotes").get(0).has("volume_24h_quote")).isTrue();
            assertThat(wire.path("quotes").get(0).path("funding").has("rate_per_8h")).isTrue();
            assertThat(wire.path("dex_pools").get(0).has("volume_24h_usd")).isTrue();
            assertThat(wire.path("books").get(0).path("bids").get(0).has("qty")).isTrue();
            assertThat(wire.path("books").get(0).has("quoted_at")).isTrue();
            assertThat(json.readTree(EventJson.write(snapshot))).as("written as the contract reads it")
                    .isEqualTo(wire);
        }
    }

    @Test
    void aRoundReportsEachSourceInTheHealthDetails() throws Exception {
        poller.publishRound();

        JsonNode sources = body(get("/actuator/health")).path("components").path("marketSources");

        assertThat(sources.path("status").asString()).isEqualTo("UP");
        assertThat(sources.path("details").propertyNames()).contains("mexc-spot", "mexc-futures", "binance-futures",
                "bybit-linear", "dexscreener", "mexc-capital");
    }

    /** Runs last: a rejected key stops the sync for the rest of this context. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aRejectedKeyStopsTheSyncAndSaysSoInTheHealthDetails() throws Exception {
        sources.resetRequests();
        sources.stubFor(WireMock.get(urlPathEqualTo(LISTINGS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":{\"error_code\":1001,\"error_message\":\"This API Key is invalid.\"}}")));

        assertThat(sync.syncNow()).isFalse();
        assertThat(sync.syncNow()).isFalse();

        JsonNode cmc = body(get("/actuator/health")).path("components").path("coinMarketCap");
        assertThat(cmc.path("status").asString()).isEqualTo("UP");
        assertThat(cmc.path("details").path("key").asString()).isEqualTo("rejected");
        assertThat(cmc.path("details").toString()).doesNotContain("test-key");
        sources.verify(1, getRequestedFor(urlPathEqualTo(LISTINGS)));
        assertThat(body(get("/api/v1/market/cryptocurrencies")).path("total_items").asInt()).isEqualTo(26);
    }

    private KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "market-contract-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(Topics.MARKET));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    private static JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> symbols(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("symbol").asString()).toList();
    }
}
