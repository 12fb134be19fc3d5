package io.cryptotracker.signals.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.signals.market.SignalDetection;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.KafkaRecords;
import io.cryptotracker.testsupport.TestJwtIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The outcome ledger on real embedded PostgreSQL and Kafka with a clock the test moves: scripted snapshots go through
 * the detection as the market feed would deliver them, and the checkpoints are read back from
 * {@code GET /api/v1/signals/{id}}, the ledger row and the signal events. Observations are sent a few seconds before
 * a due time and the clock then moved past it, so the checkpoint job and the next observation agree on the value.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutcomeLedgerIntegrationTest {

    static final MovableClock CLOCK = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    static final String SECRET = "outcome-webhook-secret-" + UUID.randomUUID();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
        registry.add("spring.kafka.consumer.group-id", () -> "signals-outcome-it-" + UUID.randomUUID());
        registry.add("signals.telegram.webhook-secret", () -> SECRET);
        registry.add("signals.outcomes.checkpoint-interval", () -> "200ms");
        registry.add("signals.outcomes.watch-refresh-interval", () -> "200ms");
        // the scripts leave minutes between snapshots; the signals must not close as silent meanwhile
        registry.add("signals.detection.close-stale-after", () -> "2h");
    }

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SignalDetection detection;

    @Autowired
    SignalLifecycle lifecycle;

    @Autowired
    SignalStore store;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    final AuthenticatedUser vip = new AuthenticatedUser(UUID.randomUUID(), "vip@example.com", Tier.VIP,
            Set.of("USER"));

    final AuthenticatedUser admin = new AuthenticatedUser(UUID.randomUUID(), "admin@example.com", Tier.VIP,
            Set.of("USER", "ADMIN"));

    @Test
    void aConvergingSpreadIsMeasuredAtOneMinuteAndConvergesAtItsClose() {
        String symbol = symbol("CNV");
        Instant t0 = CLOCK.instant();
        detection.onSnapshot(spotFutures(symbol, "101.2"));
        UUID id = openDetectorSignal(symbol);

        at(t0.plusSeconds(30));
        detection.onSnapshot(spotFutures(symbol, "101.0"));
        at(t0.plusSeconds(55));
        detection.onSnapshot(spotFutures(symbol, "100.8"));
        at(t0.plusSeconds(61));
        awaitCheckpoint(id, 0);
        at(t0.plusSeconds(90));
        detection.onSnapshot(spotFutures(symbol, "100.27"));

        JsonNode shown = signal(id);
        assertThat(shown.path("status").asString()).isEqualTo("CLOSED");
        JsonNode outcome = shown.path("outcome");
        assertThat(states(outcome)).containsExactly("MEASURED", "PENDING", "PENDING");
        assertThat(outcome.path("checkpoints").path(0).path("net_spread_percent").decimalValue())
                .isCloseTo(net("100.8"), within(new BigDecimal("0.0001")));
        assertThat(outcome.path("checkpoints").path(0).path("due_at").asString())
                .isEqualTo(t0.plusSeconds(60).toString());
        assertThat(outcome.path("converged").asBoolean()).isTrue();
        assertThat(outcome.path("converged_at").asString()).isEqualTo(t0.plusSeconds(90).toString());
        assertThat(outcome.path("peak_net_spread_percent").decimalValue()).isCloseTo(net("101.2"),
                within(new BigDecimal("0.0001")));
        assertThat(outcome.path("peak_at").asString()).isEqualTo(t0.toString());
        assertThat(outcome.path("alive_seconds").asLong()).isEqualTo(90);

        SignalUpdated measured = (SignalUpdated) event(id, "\"state\":\"MEASURED\"");
        assertThat(measured.data().outcome().checkpoints().get(0).state()).isEqualTo("MEASURED");
        assertThat(measured.data().outcome().converged()).isFalse();
        SignalClosed closed = (SignalClosed) event(id, SignalClosed.TYPE);
        assertThat(closed.data().outcome().converged()).isTrue();
        assertThat(closed.data().outcome().convergedAt()).isEqualTo(t0.plusSeconds(90));
        assertThat(closed.data().outcome().aliveSeconds()).isEqualTo(90);
    }

    @Test
    void aDivergingSpreadRaisesThePeakNeverConvergesAndCompletesAfterThirtyMinutes() {
        String symbol = symbol("DIV");
        Instant t0 = CLOCK.instant();
        detection.onSnapshot(spotFutures(symbol, "100.8"));
        UUID id = openDetectorSignal(symbol);

        at(t0.plusSeconds(55));
        detection.onSnapshot(spotFutures(symbol, "101.2"));
        at(t0.plusSeconds(295));
        detection.onSnapshot(spotFutures(symbol, "102.0"));
        // this observation is after the 5 min due time: it takes the checkpoint itself, then counts
        at(t0.plusSeconds(301));
        detection.onSnapshot(spotFutures(symbol, "102.5"));
        at(t0.plusSeconds(1795));
        detection.onSnapshot(spotFutures(symbol, "103.0"));
        at(t0.plusSeconds(1801));
        awaitCheckpoint(id, 2);

        JsonNode outcome = signal(id).path("outcome");
        assertThat(states(outcome)).containsExactly("MEASURED", "MEASURED", "MEASURED");
        assertThat(nets(outcome)).zipSatisfy(List.of(net("101.2"), net("102.0"), net("103.0")),
                (shown, expected) -> assertThat(shown).isCloseTo(expected, within(new BigDecimal("0.0001"))));
        assertThat(outcome.path("peak_net_spread_percent").decimalValue()).isCloseTo(net("103.0"),
                within(new BigDecimal("0.0001")));
        assertThat(outcome.path("peak_at").asString()).isEqualTo(t0.plusSeconds(1795).toString());
        assertThat(outcome.path("converged").asBoolean()).isFalse();
        assertThat(outcome.path("converged_at").isNull()).isTrue();
        assertThat(outcome.path("alive_seconds").asLong()).isEqualTo(1801);
        assertThat(row(id)).containsEntry("complete", true);
        assertThat(event(id, "\"minutes\":30,\"due_at\":\"" + t0.plusSeconds(1800) + "\",\"state\":\"MEASURED\""))
                .isInstanceOf(SignalUpdated.class);

        // complete: later observations no longer move the outcome, and the route is no longer watched
        at(t0.plusSeconds(1830));
        detection.onSnapshot(spotFutures(symbol, "101.0"));
        assertThat(signal(id).path("outcome").path("converged").asBoolean()).isFalse();
    }

    @Test
    void aSignalWithoutObservationsEndsWithNoDataAtEachCheckpoint() {
        Instant t0 = CLOCK.instant();
        ApiResponse posted = post("/api/v1/signals", "{\"kind\": \"mexc-dex\", \"symbol\": \"" + symbol("NOD")
                + "\", \"spread_percent\": 2.5}", Map.of("Authorization", "Bearer " + ISSUER.token(admin)));
        assertThat(posted.status()).isEqualTo(201);
        UUID id = UUID.fromString(posted.json().path("id").asString());
        assertThat(row(id)).containsEntry("source", "MANUAL").containsEntry("venue_key", "manual:" + id);

        at(t0.plusSeconds(1801));
        awaitCheckpoint(id, 2);

        JsonNode outcome = signal(id).path("outcome");
        assertThat(states(outcome)).containsExactly("NO_DATA", "NO_DATA", "NO_DATA");
        assertThat(outcome.path("checkpoints").path(0).path("net_spread_percent").isNull()).isTrue();
        assertThat(outcome.path("peak_net_spread_percent").isNull()).isTrue();
        assertThat(outcome.path("converged").asBoolean()).isFalse();
        assertThat(outcome.has("confirmation")).as("left out until a Telegram check").isFalse();
        // still open: alive until now
        assertThat(outcome.path("alive_seconds").asLong()).isEqualTo(1801);
        assertThat(row(id)).containsEntry("complete", true);
    }

    @Test
    void aSignalClosedEarlyKeepsBeingMeasuredOnItsRouteWithoutFurtherEvents() {
        String symbol = symbol("CLE");
        Instant t0 = CLOCK.instant();
        detection.onSnapshot(spotFutures(symbol, "101.2"));
        UUID id = openDetectorSignal(symbol);
        at(t0.plusSeconds(40));
        lifecycle.close(store.find(id).orElseThrow());

        // 0.37 % net: below the open threshold (no new signal), above the close threshold (no convergence)
        at(t0.plusSeconds(55));
        detection.onSnapshot(spotFutures(symbol, "100.6"));
        at(t0.plusSeconds(295));
        detection.onSnapshot(spotFutures(symbol, "100.6"));
        at(t0.plusSeconds(1790));
        detection.onSnapshot(spotFutures(symbol, "100.5"));
        at(t0.plusSeconds(1805));
        awaitCheckpoint(id, 2);

        JsonNode shown = signal(id);
        assertThat(shown.path("status").asString()).isEqualTo("CLOSED");
        JsonNode outcome = shown.path("outcome");
        assertThat(states(outcome)).containsExactly("MEASURED", "MEASURED", "MEASURED");
        assertThat(nets(outcome)).zipSatisfy(List.of(net("100.6"), net("100.6"), net("100.5")),
                (value, expected) -> assertThat(value).isCloseTo(expected, within(new BigDecimal("0.0001"))));
        assertThat(outcome.path("converged").asBoolean()).isFalse();
        assertThat(outcome.path("alive_seconds").asLong()).isEqualTo(40);
        assertThat(outboxEventsOf(id)).extracting(DomainEvent::type).containsExactly(SignalCreated.TYPE,
                SignalClosed.TYPE);
        assertThat(jdbc.sql("SELECT count(*) FROM signal_mexc_spot_futures WHERE symbol = ?").param(symbol)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTelegramSignalIsMeasuredOnTheDetectorsRouteOfItsVenues() {
        String coin = "TGO" + (System.nanoTime() % 100000);
        Instant t0 = CLOCK.instant();
        long chat = -1009000 - (System.nanoTime() % 1000);
        String text = "$" + coin.toLowerCase() + "\nExchanges: Binance <-> Bybit\nFunding:\nBybit: 0,0500 %\n"
                + "Binance: -0,0300 %\n";
        ApiResponse received = post("/api/v1/telegram/webhook", "{\"update_id\": " + (t0.getEpochSecond() % 1000000)
                + ", \"channel_post\": {\"message_id\": 5, \"chat\": {\"id\": " + chat + ", \"title\": \"Arb\", "
                + "\"type\": \"channel\"}, \"date\": " + t0.getEpochSecond() + ", \"text\": \""
                + text.replace("\n", "\\n") + "\"}}", Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET));
        assertThat(received.status()).isEqualTo(200);
        String symbol = coin + "/USDT";
        UUID id = jdbc.sql("SELECT id FROM signal_funding_rate WHERE symbol = ? AND source = 'TELEGRAM'")
                .param(symbol).query(UUID.class).single();
        assertThat(row(id)).containsEntry("venue_key", "binance|bybit").containsEntry("buy_venue", "binance perp")
                .containsEntry("sell_venue", "bybit perp").containsEntry("buy_exchange", "binance")
                .containsEntry("channel", Long.toString(chat));
        assertThat((BigDecimal) row(id).get("channel_spread_percent")).isEqualByComparingTo("0.08");

        // the route was watched at once when the post opened its signal
        at(t0.plusSeconds(50));
        detection.onSnapshot(fundingPair(symbol, "-0.0009", "0.0009"));
        at(t0.plusSeconds(61));
        awaitCheckpoint(id, 0);

        BigDecimal observed = (BigDecimal) row(id).get("last_net_percent");
        assertThat(observed).isNotNull();
        JsonNode outcome = signal(id).path("outcome");
        assertThat(states(outcome)).containsExactly("MEASURED", "PENDING", "PENDING");
        assertThat(outcome.path("checkpoints").path(0).path("net_spread_percent").decimalValue())
                .isEqualByComparingTo(observed);
        assertThat(outcome.path("peak_net_spread_percent").decimalValue()).isEqualByComparingTo(observed);
        assertThat(outcome.path("peak_at").asString()).isEqualTo(t0.plusSeconds(50).toString());
        // the detector's own signal on the same route saw the same net spread
        BigDecimal detectorNet = jdbc.sql("SELECT net_spread_percent FROM signal_funding_rate WHERE symbol = ? "
                + "AND source = 'DETECTOR' AND venue_key = 'binance|bybit'").param(symbol).query(BigDecimal.class)
                .single();
        assertThat(observed).isEqualByComparingTo(detectorNet);
        assertThat(event(id, "\"state\":\"MEASURED\"")).isInstanceOf(SignalUpdated.class);
        assertThat(jdbc.sql("SELECT data::text FROM signal_history WHERE signal_id = ? ORDER BY seq DESC LIMIT 1")
                .param(id).query(String.class).single()).contains("\"outcome\"");
    }

    @Test
    void listsCarryEachSignalsOutcome() {
        String symbol = symbol("LST");
        detection.onSnapshot(spotFutures(symbol, "101.2"));
        UUID id = openDetectorSignal(symbol);

        JsonNode items = get("/api/v1/signals/mexc-spot-futures?symbol=" + symbol.replace("/", "")).json()
                .path("items");

        assertThat(items.findValuesAsString("id")).containsExactly(id.toString());
        assertThat(states(items.path(0).path("outcome"))).containsExactly("PENDING", "PENDING", "PENDING");
    }

    // --- the script's tools ---

    static void at(Instant instant) {
        CLOCK.set(instant);
    }

    static String symbol(String prefix) {
        return prefix + (System.nanoTime() % 100000) + "/USDT";
    }

    UUID openDetectorSignal(String symbol) {
        return jdbc.sql("SELECT id FROM signal_mexc_spot_futures WHERE symbol = ? AND status = 'OPEN'").param(symbol)
                .query(UUID.class).single();
    }

    void awaitCheckpoint(UUID id, int index) {
        String column = List.of("checkpoint_1m", "checkpoint_5m", "checkpoint_30m").get(index);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT " + column + " FROM signal_outcomes "
                + "WHERE signal_id = ?").param(id).query((rs, row) -> rs.getString(1)).list().stream()
                .anyMatch(java.util.Objects::nonNull));
    }

    Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM signal_outcomes WHERE signal_id = ?").param(id).query().singleRow();
    }

    JsonNode signal(UUID id) {
        ApiResponse response = get("/api/v1/signals/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    static List<String> states(JsonNode outcome) {
        return outcome.path("checkpoints").findValuesAsString("state");
    }

    static List<BigDecimal> nets(JsonNode outcome) {
        return outcome.path("checkpoints").valueStream().map(c -> c.path("net_spread_percent").decimalValue())
                .toList();
    }

    /** The first event of the signal on the Kafka topic whose JSON contains the text. */
    static DomainEvent event(UUID id, String containing) {
        ConsumerRecord<String, String> record = KafkaRecords.awaitRecord(Topics.SIGNALS, id.toString(), containing);
        return EventJson.read(record.value());
    }

    List<DomainEvent> outboxEventsOf(UUID signalId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE message_key = ? ORDER BY id").param(signalId.toString())
                .query(String.class).list().stream().map(EventJson::read).toList();
    }

    ApiResponse get(String path) {
        return ApiResponse.send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ISSUER.token(vip)).GET().build());
    }

    ApiResponse post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return ApiResponse.send(http, request.build());
    }

    /**
     * The spot–futures net spread of {@link #spotFutures} at this perpetual bid: buy spot at 100.1, short the perp,
     * less both taker fees in and out (0.14 %), plus the perp's funding at the next settlement (0.01 %).
     */
    static BigDecimal net(String perpBid) {
        BigDecimal gross = new BigDecimal(perpBid).subtract(new BigDecimal("100.1")).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal("100.1"), MathContext.DECIMAL64);
        return gross.subtract(new BigDecimal("0.13"));
    }

    /** MEXC spot at 100.0/100.1 and the MEXC perpetual at this bid (ask 0.1 above), quoted now by the test clock. */
    static MarketSnapshot spotFutures(String symbol, String perpBid) {
        Instant now = CLOCK.instant();
        BigDecimal bid = new BigDecimal(perpBid);
        return MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                quote("mexc", "spot", new BigDecimal("100.0"), new BigDecimal("100.1"), null, "0.0005", null, now),
                quote("mexc", "perp", bid, bid.add(new BigDecimal("0.1")), null, "0.0002", new BigDecimal("0.0001"),
                        now)),
                List.of(), List.of());
    }

    /** Binance and Bybit perpetuals with these funding rates per 8 h, quoted now by the test clock. */
    static MarketSnapshot fundingPair(String symbol, String binanceRate, String bybitRate) {
        Instant now = CLOCK.instant();
        return MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                quote("binance", "perp", new BigDecimal("1.000"), new BigDecimal("1.001"), new BigDecimal("1.000"),
                        "0.0002", new BigDecimal(binanceRate), now),
                quote("bybit", "perp", new BigDecimal("1.000"), new BigDecimal("1.001"), new BigDecimal("1.000"),
                        "0.0002", new BigDecimal(bybitRate), now)), List.of(), List.of());
    }

    static MarketSnapshot.VenueQuote quote(String venue, String market, BigDecimal bid, BigDecimal ask,
            BigDecimal mark, String fee, BigDecimal ratePer8h, Instant at) {
        MarketSnapshot.Funding funding = ratePer8h == null ? null
                : new MarketSnapshot.Funding(ratePer8h, 8, ratePer8h, ratePer8h.multiply(BigDecimal.valueOf(109500)),
                        at.plusSeconds(3600));
        return new MarketSnapshot.VenueQuote(venue, market, bid, ask, BigDecimal.ONE, BigDecimal.ONE, bid, mark, null,
                new BigDecimal("1000000"), new BigDecimal(fee), funding, at);
    }

    /** A clock the script sets. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
