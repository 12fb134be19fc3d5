package io.cryptotracker.signals.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/signals/stats} over real HTTP on the real embedded PostgreSQL: known rows of
 * {@code signal_outcomes} (written as the ledger writes them), read by the index, give exact counts, shares, medians
 * and 90th percentiles ({@code percentile_cont}'s), per symbol, route and source, under each filter and the FREE
 * delay; a changed row counts anew after the next refresh; bad input is a 400 naming the parameter.
 *
 * <p>The fixtures of the grouping and filter tests lie in January 2026 and are asked for with that window, so signals
 * other tests' market data might open in this context now never count; the tests about "now" (default window, FREE
 * delay, the 30-minute base) use symbols of their own.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signals.free-delay=1h", "signals.stats.refresh-interval=1h" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalStatsTest {

    private static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    private static final Instant BASE = Instant.parse("2026-01-10T00:00:00Z");
    private static final String JANUARY = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
        registry.add("spring.kafka.consumer.group-id", () -> "signals-stats-test-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutcomeIndex index;

    final HttpClient http = HttpClient.newHttpClient();
    final AuthenticatedUser vip = new AuthenticatedUser(UUID.randomUUID(), "vip@example.com", Tier.VIP,
            Set.of("USER"));
    final AuthenticatedUser free = new AuthenticatedUser(UUID.randomUUID(), "free@example.com", Tier.FREE,
            Set.of("USER"));

    /**
     * BTC: funding-rate, DETECTOR, binance perp → bybit perp; alive 100, 200, 400, 1000 s and one open; converged
     * after 10 min, 40 min (too late), never, never, exactly 30 min; peaks 0.5, 1.0, 1.5, none, 2.0. ETH:
     * mexc-spot-futures, TELEGRAM, mexc spot → mexc perp; alive 50, 150 s and one open; all converged within 2 min;
     * peaks 0.3, 0.9, 3.0. SOL: mexc-dex, MANUAL, no buy venue → mexc spot; alive 60 s, never converged, no peak; and
     * one in December, outside January.
     */
    @BeforeAll
    void januaryFixtures() {
        outcome("BTC/USDT", "funding-rate", "DETECTOR", "binance perp", "bybit perp", BASE, 100L, 10L, "0.5");
        outcome("BTC/USDT", "funding-rate", "DETECTOR", "binance perp", "bybit perp", day(1), 200L, 40L, "1.0");
        outcome("BTC/USDT", "funding-rate", "DETECTOR", "binance perp", "bybit perp", day(2), 400L, null, "1.5");
        outcome("BTC/USDT", "funding-rate", "DETECTOR", "binance perp", "bybit perp", day(3), null, null, null);
        outcome("BTC/USDT", "funding-rate", "DETECTOR", "binance perp", "bybit perp", day(4), 1000L, 30L, "2.0");
        outcome("ETH/USDT", "mexc-spot-futures", "TELEGRAM", "mexc spot", "mexc perp", day(5), 50L, 1L, "0.3");
        outcome("ETH/USDT", "mexc-spot-futures", "TELEGRAM", "mexc spot", "mexc perp", day(6), 150L, 2L, "0.9");
        outcome("ETH/USDT", "mexc-spot-futures", "TELEGRAM", "mexc spot", "mexc perp", day(7), null, 1L, "3.0");
        outcome("SOL/USDT", "mexc-dex", "MANUAL", null, "mexc spot", day(8), 60L, null, null);
        outcome("SOL/USDT", "mexc-dex", "MANUAL", null, "mexc spot", Instant.parse("2025-12-20T00:00:00Z"), 5L, null,
                null);
        index.refresh();
    }

    @Test
    void theTotalAndEachSymbolHaveExactCountsSharesMediansAndP90() {
        JsonNode stats = ok("/api/v1/signals/stats?" + JANUARY);

        assertThat(stats.path("group_by").asString()).isEqualTo("symbol");
        assertThat(stats.path("from").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(stats.path("to").asString()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(stats.path("generated_at").isString()).isTrue();
        // alive 50, 60, 100, 150, 200, 400, 1000: median the 4th, p90 at rank 5.4 = 400 + 0.4 × 600
        // peaks 0.3, 0.5, 0.9, 1.0, 1.5, 2.0, 3.0: median 1.0; converged within 30 min: 2 BTC + 3 ETH of 9
        assertFigures(stats.path("total"), 9, 5, 5.0 / 9, 150.0, 640.0, 1.0);
        assertThat(keys(stats)).containsExactly("BTC/USDT", "ETH/USDT", "SOL/USDT");
        // alive 100, 200, 400, 1000: median at rank 1.5 = 300, p90 at rank 2.7 = 400 + 0.7 × 600 = 820
        assertFigures(group(stats, "BTC/USDT"), 5, 2, 0.4, 300.0, 820.0, 1.25);
        // alive 50, 150: median 100, p90 at rank 0.9 = 140
        assertFigures(group(stats, "ETH/USDT"), 3, 3, 1.0, 100.0, 140.0, 0.9);
        assertFigures(group(stats, "SOL/USDT"), 1, 0, 0.0, 60.0, 60.0, null);
    }

    @Test
    void groupsByRouteAndBySourceLargestFirst() {
        JsonNode routes = ok("/api/v1/signals/stats?group_by=route&" + JANUARY);
        assertThat(routes.path("group_by").asString()).isEqualTo("route");
        assertThat(keys(routes)).containsExactly("binance perp → bybit perp", "mexc spot → mexc perp",
                "unknown → mexc spot");
        assertFigures(group(routes, "binance perp → bybit perp"), 5, 2, 0.4, 300.0, 820.0, 1.25);
        assertFigures(routes.path("total"), 9, 5, 5.0 / 9, 150.0, 640.0, 1.0);

        JsonNode sources = ok("/api/v1/signals/stats?group_by=source&" + JANUARY);
        assertThat(keys(sources)).containsExactly("DETECTOR", "TELEGRAM", "MANUAL");
        assertFigures(group(sources, "TELEGRAM"), 3, 3, 1.0, 100.0, 140.0, 0.9);
    }

    @Test
    void eachFilterNarrowsTheSignalsCounted() {
        assertThat(ok("/api/v1/signals/stats?symbol=btc&" + JANUARY).path("total").path("count").asLong())
                .isEqualTo(5);
        assertThat(keys(ok("/api/v1/signals/stats?kind=mexc-spot-futures&" + JANUARY))).containsExactly("ETH/USDT");
        assertThat(keys(ok("/api/v1/signals/stats?source=manual&" + JANUARY))).containsExactly("SOL/USDT");
        // either leg: binance is BTC's buy leg, bybit its sell leg, mexc both of ETH's and SOL's sell leg
        assertThat(keys(ok("/api/v1/signals/stats?exchange=Binance&" + JANUARY))).containsExactly("BTC/USDT");
        assertThat(keys(ok("/api/v1/signals/stats?exchange=bybit&" + JANUARY))).containsExactly("BTC/USDT");
        assertThat(keys(ok("/api/v1/signals/stats?exchange=mexc&" + JANUARY))).containsExactly("ETH/USDT",
                "SOL/USDT");
        assertThat(keys(ok("/api/v1/signals/stats?exchange=okx&" + JANUARY))).isEmpty();
        // from and to are inclusive: days 1 to 3 are BTC's 2nd, 3rd and 4th (one still open)
        JsonNode window = ok("/api/v1/signals/stats?from=" + day(1) + "&to=" + day(3));
        assertFigures(window.path("total"), 3, 0, 0.0, 300.0, 380.0, 1.25);
        JsonNode withDecember = ok("/api/v1/signals/stats?from=2025-12-01T00:00:00Z&to=2026-02-01T00:00:00Z");
        assertFigures(group(withDecember, "SOL/USDT"), 2, 0, 0.0, 32.5, 54.5, null);
        JsonNode none = ok("/api/v1/signals/stats?symbol=DOGE&" + JANUARY);
        assertFigures(none.path("total"), 0, 0, null, null, null, null);
        assertThat(keys(none)).isEmpty();
    }

    @Test
    void theDefaultWindowIsTheLast30DaysAndTheShareCountsOnlySignalsWhose30MinutesHavePassed() {
        Instant now = Instant.now();
        outcome("WIN/USDT", "funding-rate", "DETECTOR", "okx perp", "gate perp", now.minus(Duration.ofDays(40)), 10L,
                1L, "1");
        outcome("WIN/USDT", "funding-rate", "DETECTOR", "okx perp", "gate perp", now.minus(Duration.ofDays(3)), 20L,
                1L, "2");
        // 10 minutes old and converged already: counted, but not in the share's base yet
        outcome("WIN/USDT", "funding-rate", "DETECTOR", "okx perp", "gate perp", now.minus(Duration.ofMinutes(10)),
                null, 5L, "4");
        index.refresh();

        JsonNode stats = ok("/api/v1/signals/stats?symbol=WIN");

        assertThat(Duration.between(Instant.parse(stats.path("from").asString()),
                Instant.parse(stats.path("to").asString()))).isEqualTo(Duration.ofDays(30));
        assertFigures(stats.path("total"), 2, 2, 1.0, 20.0, 20.0, 3.0);
    }

    @Test
    void aFreeUsersFiguresLeaveOutSignalsYoungerThanTheDelay() {
        Instant now = Instant.now();
        outcome("FREE/USDT", "mexc-dex", "DETECTOR", "mexc spot", "raydium dex", now.minus(Duration.ofHours(3)), 30L,
                null, "1");
        outcome("FREE/USDT", "mexc-dex", "DETECTOR", "mexc spot", "raydium dex", now.minus(Duration.ofMinutes(20)),
                90L, null, "5");
        index.refresh();

        assertFigures(ok("/api/v1/signals/stats?symbol=FREE").path("total"), 2, 0, 0.0, 60.0, 84.0, 3.0);
        assertFigures(json(get("/api/v1/signals/stats?symbol=FREE", free), 200).path("total"), 1, 0, 0.0, 30.0, 30.0,
                1.0);
    }

    @Test
    void aChangedRowCountsAnewAfterTheNextRefresh() {
        Instant detected = Instant.now().minus(Duration.ofDays(2));
        UUID id = outcome("CHG/USDT", "funding-rate", "DETECTOR", "binance perp", "okx perp", detected, null, null,
                "0.7");
        index.refresh();
        assertFigures(ok("/api/v1/signals/stats?symbol=CHG").path("total"), 1, 0, 0.0, null, null, 0.7);

        jdbc.sql("UPDATE signal_outcomes SET closed_at = :closed, converged_at = :converged, peak_net_percent = 0.9, "
                + "updated_at = now() WHERE signal_id = :id").param("closed", utc(detected.plusSeconds(600)))
                .param("converged", utc(detected.plusSeconds(300))).param("id", id).update();
        index.refresh();

        assertFigures(ok("/api/v1/signals/stats?symbol=CHG").path("total"), 1, 1, 1.0, 600.0, 600.0, 0.9);
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        assertThat(errors("kind=spot")).containsExactly("kind: must be one of funding-rate, mexc-dex, mexc-spot-futures");
        assertThat(errors("group_by=venue")).containsExactly("group_by: must be one of route, source, symbol");
        assertThat(errors("source=bot")).containsExactly("source: must be one of detector, manual, telegram");
        assertThat(errors("symbol=12")).containsExactly("symbol: must be a symbol such as BTC, BTCUSDT or BTC/USDT");
        assertThat(errors("exchange=bin%40nce")).containsExactly(
                "exchange: must be an exchange name such as binance (up to 32 letters or digits)");
        assertThat(errors("from=yesterday"))
                .containsExactly("from: must be an ISO-8601 UTC time such as 2026-11-23T21:53:39Z");
        assertThat(errors("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"))
                .containsExactly("to: must not be before from");
        assertThat(errors("colour=red")).containsExactly("colour: is not a parameter of the statistics");
    }

    @Test
    void anyoneSignedInMayAskAndNoOneElse() {
        assertThat(get("/api/v1/signals/stats", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/signals/stats", free).status()).isEqualTo(200);
    }

    @Test
    void theDocumentNamesTheParameters() {
        JsonNode operation = json(get("/v3/api-docs", null), 200).path("paths").path("/api/v1/signals/stats")
                .path("get");
        assertThat(operation.path("parameters").findValuesAsString("name")).containsExactlyInAnyOrder("kind",
                "symbol", "source", "exchange", "from", "to", "group_by");
    }

    private UUID outcome(String symbol, String kind, String source, String buyVenue, String sellVenue,
            Instant detected, Long aliveSeconds, Long convergedMinutes, String peak) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO signal_outcomes (signal_id, kind, symbol, source, venue_key, buy_venue, sell_venue, "
                + "buy_exchange, sell_exchange, detected_at, closed_at, converged_at, peak_net_percent, updated_at) "
                + "VALUES (:id, :kind, :symbol, :source, :key, :buy, :sell, :buyExchange, :sellExchange, :detected, "
                + ":closed, :converged, :peak, now())")
                .param("id", id).param("kind", kind).param("symbol", symbol).param("source", source)
                .param("key", "test:" + id).param("buy", buyVenue).param("sell", sellVenue)
                .param("buyExchange", exchange(buyVenue)).param("sellExchange", exchange(sellVenue))
                .param("detected", utc(detected))
                .param("closed", aliveSeconds == null ? null : utc(detected.plusSeconds(aliveSeconds)))
                .param("converged", convergedMinutes == null ? null
                        : utc(detected.plus(Duration.ofMinutes(convergedMinutes))))
                .param("peak", peak == null ? null : new BigDecimal(peak)).update();
        return id;
    }

    private static String exchange(String venue) {
        return venue == null ? null : venue.substring(0, venue.indexOf(' '));
    }

    private static java.time.OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private static Instant day(int days) {
        return BASE.plus(days, ChronoUnit.DAYS);
    }

    private static void assertFigures(JsonNode figures, long count, long converged, Double share, Double aliveMedian,
            Double aliveP90, Double peakMedian) {
        assertThat(figures.path("count").asLong()).as("count").isEqualTo(count);
        assertThat(figures.path("converged_30m_count").asLong()).as("converged_30m_count").isEqualTo(converged);
        assertNumber(figures, "converged_30m_share", share);
        assertNumber(figures, "alive_median_seconds", aliveMedian);
        assertNumber(figures, "alive_p90_seconds", aliveP90);
        assertNumber(figures, "peak_net_median_percent", peakMedian);
    }

    private static void assertNumber(JsonNode figures, String field, Double expected) {
        assertThat(figures.has(field)).as(field + " present").isTrue();
        if (expected == null) {
            assertThat(figures.path(field).isNull()).as(field + " null").isTrue();
        }
        else {
            assertThat(figures.path(field).asDouble()).as(field).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    private static List<String> keys(JsonNode stats) {
        return stats.path("groups").valueStream().map(group -> group.path("key").asString()).toList();
    }

    private static JsonNode group(JsonNode stats, String key) {
        return stats.path("groups").valueStream().filter(group -> group.path("key").asString().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no group " + key + " in " + stats));
    }

    private JsonNode ok(String path) {
        return json(get(path, vip), 200);
    }

    private List<String> errors(String query) {
        JsonNode problem = json(get("/api/v1/signals/stats?" + query, vip), 400);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        return problem.path("errors").valueStream()
                .map(error -> error.path("field").asString() + ": " + error.path("message").asString()).toList();
    }

    private static JsonNode json(ApiResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private ApiResponse get(String path, AuthenticatedUser user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Bearer " + ISSUER.token(user));
        }
        return ApiResponse.send(http, request.build());
    }
}
