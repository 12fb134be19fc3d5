package io.cryptotracker.signals;

import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.BadInputSweep;
import io.cryptotracker.testsupport.KafkaRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalDeleted;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.ServiceContractTest;
import io.cryptotracker.signals.execution.LatestMarket;
import io.cryptotracker.signals.store.SignalHistory;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * signals-service on real embedded PostgreSQL and Kafka over real HTTP: the operational contract of every service,
 * the signal lifecycle (row, history and event with its stream position written together), snapshots through the
 * detectors to Kafka, the Telegram webhook, FREE against VIP visibility, list filters and admin-only changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsServiceIntegrationTest extends ServiceContractTest {

    static final String SECRET = "test-webhook-secret-" + UUID.randomUUID();
    static final String TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/signals/mexc-spot-futures",
                "/api/v1/signals/funding-rate",
                "/api/v1/signals/mexc-dex",
                "/api/v1/signals",
                "/api/v1/signals/{id}",
                "/api/v1/signals/{id}/quote",
                "/api/v1/signals/spreads/{symbol}",
                "/api/v1/telegram/webhook",
                "/api/v1/telegram/messages",
                "/api/v1/telegram/channels");
    }

    /**
     * The document names every list filter; the webhook's body is Telegram's; {@code {id}} is a signal stored for
     * this run (the contract check's admin DELETE removes it), so {@code GET /api/v1/signals/{id}} answers 200 and
     * its body is checked against the document, not only its 404; the first, a spot–futures signal whose market
     * this replica holds, is the one the contract check reads, so its quote answers 200 too.
     */
    @Override
    protected BadInputSweep.Samples badInputSamples() {
        String priced = "SMQ" + (System.nanoTime() % 100000) + "/USDT";
        latestMarket.remember(bookSnapshot(priced), Instant.now());
        SignalData quotable = lifecycle.open(spotFutures(UUID.randomUUID(), priced, "1.1", "0.96"),
                "mexc:spot|mexc:perp", null);
        SignalData sample = lifecycle.open(new SignalData(UUID.randomUUID(), SignalData.MEXC_DEX,
                "SMP" + (System.nanoTime() % 100000) + "/USDT", new BigDecimal("3.1"), new BigDecimal("2.6"), null,
                null, "MANUAL", null, null, null, null, null, new SignalData.Dex("solana", "raydium", "PairAddr1",
                        "TokenAddr1", new BigDecimal("0.0120"), new BigDecimal("0.0121"), new BigDecimal("0.01248"),
                        new BigDecimal("250000"), new BigDecimal("90000"), "BUY_MEXC_SELL_DEX", true, null), null),
                "manual:" + UUID.randomUUID(), null);
        return new BadInputSweep.Samples()
                .pathValues("id", quotable.id().toString(), sample.id().toString())
                .pathValues("symbol", "BTC-USDT")
                .body("POST /api/v1/telegram/webhook", "{\"update_id\": 77001, \"channel_post\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": -1007700, \"title\": \"Sweep\"}, \"date\": 1795558000, "
                        + "\"edit_date\": 1795558100, \"text\": \"Good morning\"}}")
                .header(TELEGRAM_SECRET_HEADER, SECRET);
    }

    @Test
    void theDocumentNamesEachKindsFiltersAsTheWireDoes() throws Exception {
        JsonNode paths = SignalsApi.JSON.readTree(get("/v3/api-docs").body()).path("paths");

        assertThat(queryParameters(paths.path("/api/v1/signals/funding-rate").path("get")))
                .contains("symbol", "q", "min_spread", "max_spread", "status", "source", "from", "to", "exchange",
                        "page", "size", "sort")
                .doesNotContain("chain", "min_liquidity", "params");
        assertThat(queryParameters(paths.path("/api/v1/signals/mexc-dex").path("get")))
                .contains("chain", "min_liquidity").doesNotContain("exchange");
        assertThat(queryParameters(paths.path("/api/v1/signals/mexc-spot-futures").path("get")))
                .doesNotContain("exchange", "chain", "min_liquidity");
        assertThat(paths.path("/api/v1/telegram/webhook").path("post").path("parameters").findValuesAsString("name"))
                .contains(TELEGRAM_SECRET_HEADER);
    }

    private static List<String> queryParameters(JsonNode operation) {
        return operation.path("parameters").valueStream().filter(p -> p.path("in").asString().equals("query"))
                .map(p -> p.path("name").asString()).toList();
    }

    @DynamicPropertySource
    static void signalsSettings(DynamicPropertyRegistry registry) {
        // this context's own consumer group: the broker and its topics are shared by the JVM
        registry.add("spring.kafka.consumer.group-id", () -> "signals-service-it-" + UUID.randomUUID());
        registry.add("signals.telegram.webhook-secret", () -> SECRET);
        registry.add("signals.free-delay", () -> "1h");
        registry.add("signals.expiry-check-interval", () -> "300ms");
        registry.add("signals.detection.close-stale-after", () -> "12s");
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProducer<String, String> producer;

    final AuthenticatedUser free = new AuthenticatedUser(UUID.randomUUID(), "free@example.com", Tier.FREE,
            Set.of("USER"));
    final AuthenticatedUser vip = new AuthenticatedUser(UUID.randomUUID(), "vip@example.com", Tier.VIP,
            Set.of("USER"));
    final AuthenticatedUser admin = new AuthenticatedUser(UUID.randomUUID(), "admin@example.com", Tier.FREE,
            Set.of("USER", "ADMIN"));

    @BeforeAll
    void openProducer() {
        producer = KafkaRecords.producer();
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    SignalsApi as(AuthenticatedUser user) {
        return new SignalsApi(port, Map.of("Authorization", "Bearer " + issuer().token(user)));
    }

    SignalsApi telegram(String secret) {
        return new SignalsApi(port, secret == null ? Map.of() : Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
    }

    @Autowired
    SignalLifecycle lifecycle;

    @Autowired
    SignalStore store;

    @Autowired
    SignalHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LatestMarket latestMarket;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Nested
    class Storage {

        @Test
        void openUpdateCloseKeepsThePeakTheHistoryAndEmitsEventsInStreamOrder() {
            SignalData draft = spotFutures(UUID.randomUUID(), "LIFE/USDT", "1.20", "1.05");
            SignalData opened = lifecycle.open(draft, "mexc:spot|mexc:perp", null);
            StoredSignal stored = store.find(opened.id()).orElseThrow();
            assertThat(stored.data().status()).isEqualTo("OPEN");
            assertThat(stored.data().peakSpreadPercent()).isEqualByComparingTo("1.20");
            assertThat(stored.data().spotFutures().spotBid()).isEqualByComparingTo("0.00001921");

            lifecycle.update(stored, spotFutures(opened.id(), "LIFE/USDT", "2.50", "2.30"), null);
            StoredSignal risen = store.find(opened.id()).orElseThrow();
            lifecycle.update(risen, spotFutures(opened.id(), "LIFE/USDT", "1.70", "1.55"), null);
            SignalData closed = lifecycle.close(store.find(opened.id()).orElseThrow());

            assertThat(closed.status()).isEqualTo("CLOSED");
            assertThat(closed.closedAt()).isNotNull();
            SignalData reread = store.find(opened.id()).orElseThrow().data();
            assertThat(reread.peakSpreadPercent()).isEqualByComparingTo("2.50");
            assertThat(reread.spreadPercent()).isEqualByComparingTo("1.70");
            assertThat(reread.status()).isEqualTo("CLOSED");

            List<SignalHistory.Entry> entries = history.of(opened.id());
            assertThat(entries).extracting(SignalHistory.Entry::change)
                    .containsExactly("created", "updated", "updated", "closed");
            assertThat(entries).extracting(SignalHistory.Entry::seq).isSorted().doesNotHaveDuplicates();
            assertThat(entries.get(1).signal().spreadPercent()).isEqualByComparingTo("2.50");

            List<DomainEvent> events = outboxEventsOf(opened.id());
            assertThat(events).extracting(DomainEvent::type).containsExactly(SignalCreated.TYPE, SignalUpdated.TYPE,
                    SignalUpdated.TYPE, SignalClosed.TYPE);
            assertThat(events.get(3)).isInstanceOfSatisfying(SignalClosed.class,
                    event -> {
                        // the stored row plus the outcome ledger's view (issue 16)
                        assertThat(event.data().withOutcome(null)).isEqualTo(reread);
                        assertThat(event.data().outcome().checkpoints()).hasSize(3);
                    });
            assertThat(events).extracting(SignalsServiceIntegrationTest::seqOf)
                    .containsExactlyElementsOf(entries.stream().map(SignalHistory.Entry::seq).toList());
        }

        @Test
        void aSecondOpenSignalForTheSameSymbolAndVenuesIsRefused() {
            lifecycle.open(spotFutures(UUID.randomUUID(), "ONCE/USDT", "1.2", "1.0"), "mexc:spot|mexc:perp", null);

            assertThatThrownBy(() -> lifecycle.open(spotFutures(UUID.randomUUID(), "ONCE/USDT", "1.3", "1.1"),
                    "mexc:spot|mexc:perp", null)).isInstanceOf(DuplicateKeyException.class);
            assertThat(store.findOpenForUpdate(SignalKind.MEXC_SPOT_FUTURES, "ONCE/USDT", "mexc:spot|mexc:perp"))
                    .isPresent();
        }

        @Test
        void deletingRemovesTheSignalAndItsHistoryAndAnnouncesTheLastState() {
            SignalData opened = lifecycle.open(new SignalData(UUID.randomUUID(), SignalData.MEXC_DEX, "GONE/USDT",
                    new BigDecimal("3.1"), new BigDecimal("2.6"), null, null, "MANUAL", null, null, null, null, null,
                    new SignalData.Dex("solana", "raydium", "PairAddr1", "TokenAddr1", new BigDecimal("0.0120"),
                            new BigDecimal("0.0121"), new BigDecimal("0.01248"), new BigDecimal("250000"),
                            new BigDecimal("90000"), "BUY_MEXC_SELL_DEX", true, null), null),
                    "manual:" + UUID.randomUUID(), null);

            lifecycle.delete(store.find(opened.id()).orElseThrow());

            assertThat(store.find(opened.id())).isEmpty();
            assertThat(history.of(opened.id())).isEmpty();
            assertThat(outboxEventsOf(opened.id())).last().isInstanceOfSatisfying(SignalDeleted.class,
                    event -> assertThat(event.data().dex().withdrawEnabled()).isNull());
        }
    }

    @Nested
    class Detection {

        @Test
        void aSnapshotWithASpreadOpensASignalThatReachesKafkaAndAFallingSpreadClosesIt() throws Exception {
            String symbol = "DET" + (System.nanoTime() % 100000) + "/USDT";
            try (KafkaConsumer<String, String> consumer = signalConsumer()) {
                publish(snapshot(symbol, "100.0", "100.1", "101.2", "101.3"));

                await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(symbol) == 1);
                UUID id = jdbc.sql("SELECT id FROM signal_mexc_spot_futures WHERE symbol = ?").param(symbol)
                        .query(UUID.class).single();
                JsonNode shown = as(vip).get("/api/v1/signals/" + id).json();
                // 1.098901 % gross, less both taker fees in and out (2 × (0.05 + 0.02)), plus the short perp's
                // funding at the next settlement (0.01 %)
                assertThat(shown.path("net_spread_percent").decimalValue()).isEqualByComparingTo("0.968901");
                assertThat(shown.path("spot_futures").path("direction").asString()).isEqualTo("BUY_SPOT_SHORT_PERP");
                assertThat(shown.path("source").asString()).isEqualTo("DETECTOR");
                JsonNode execution = shown.path("execution");
                assertThat(execution.path("basis").asString()).isEqualTo("TOP_OF_BOOK");
                assertThat(execution.path("flags").valueStream().map(JsonNode::asString)).containsExactly(
                        "TOP_OF_BOOK");
                assertThat(execution.path("alertable").asBoolean()).isTrue();
                assertThat(execution.path("legs").findValuesAsString("market")).containsExactly("spot", "perp");
                assertThat(execution.path("sizes").findValuesAsString("size_usdt")).containsExactly("1000", "10000",
                        "50000");
                JsonNode smallest = execution.path("sizes").path(0);
                assertThat(smallest.path("fees_percent").decimalValue()).isEqualByComparingTo("0.14");
                assertThat(smallest.path("funding_percent").decimalValue()).isEqualByComparingTo("0.01");
                assertThat(smallest.path("net_usdt").decimalValue()).isEqualByComparingTo("9.68901");

                List<DomainEvent> seen = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                        if (record.key().equals(id.toString())) {
                            seen.add(EventJson.read(record.value()));
                        }
                    });
                    return !seen.isEmpty();
                });
                assertThat(seen.get(0)).isInstanceOfSatisfying(SignalCreated.class, created -> {
                    assertThat(created.data().symbol()).isEqualTo(symbol);
                    assertThat(created.data().netSpreadPercent()).isEqualByComparingTo("0.968901");
                    assertThat(created.data().execution().sizes()).hasSize(3);
                });

                // 0.24 % net stays open (hysteresis), 0.04 % net closes it
                publish(snapshot(symbol, "100.0", "100.1", "100.47", "100.5"));
                publish(snapshot(symbol, "100.0", "100.1", "100.27", "100.3"));
                await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(
                        as(vip).get("/api/v1/signals/" + id).json().path("status").asString()));
                JsonNode closed = as(vip).get("/api/v1/signals/" + id).json();
                assertThat(closed.path("history").findValuesAsString("change")).containsExactly("created",
                        "updated", "closed");
                assertThat(closed.path("peak_spread_percent").decimalValue()).isEqualByComparingTo("1.098901");
            }
        }

        @Test
        void aSignalWhoseVenuesFallSilentClosesAfterCloseStaleAfter() throws Exception {
            String symbol = "SIL" + (System.nanoTime() % 100000) + "/USDT";
            publish(snapshot(symbol, "100.0", "100.1", "101.2", "101.3"));
            await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(symbol) == 1);
            Instant expiresAt = jdbc.sql("SELECT expires_at FROM signal_mexc_spot_futures WHERE symbol = ?")
                    .param(symbol).query(java.sql.Timestamp.class).single().toInstant();
            assertThat(expiresAt).isBetween(Instant.now().plusSeconds(5), Instant.now().plusSeconds(13));

            await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(symbol) == 0);
            assertThat(jdbc.sql("SELECT status FROM signal_mexc_spot_futures WHERE symbol = ?").param(symbol)
                    .query(String.class).single()).isEqualTo("CLOSED");
        }

        @Test
        void orderBooksPriceEachSizeAndTheLargestSizeThatStillClearsTheThreshold() throws Exception {
            String symbol = "BOOK" + (System.nanoTime() % 100000) + "/USDT";
            Instant now = Instant.now();
            MarketSnapshot withBooks = snapshot(symbol, "100.0", "100.1", "101.2", "101.3").withBooks(List.of(
                    new MarketSnapshot.OrderBook("mexc", "spot", levels("100.0", "1000"),
                            levels("100.1", "20", "100.3", "100", "101", "500"), now),
                    new MarketSnapshot.OrderBook("mexc", "perp", levels("101.2", "20", "101.0", "100", "100.5", "1000"),
                            levels("101.3", "1000"), now)));
            publish(withBooks);

            await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(symbol) == 1);
            UUID id = jdbc.sql("SELECT id FROM signal_mexc_spot_futures WHERE symbol = ?").param(symbol)
                    .query(UUID.class).single();
            JsonNode shown = as(vip).get("/api/v1/signals/" + id).json();
            JsonNode execution = shown.path("execution");
            assertThat(execution.path("basis").asString()).isEqualTo("BOOK");
            // gross → costs → net adds up on the signal itself
            assertThat(shown.path("spread_percent").decimalValue()).isEqualByComparingTo(
                    execution.path("sizes").path(0).path("top_of_book_percent").decimalValue());
            assertThat(shown.path("net_spread_percent").decimalValue()).isEqualByComparingTo(
                    execution.path("sizes").path(0).path("net_percent").decimalValue());
            assertThat(execution.path("flags").isEmpty()).isTrue();
            JsonNode sizes = execution.path("sizes");
            // 1,000 USDT fills at the best prices; 10,000 walks both books; 50,000 turns into a loss
            assertThat(sizes.path(0).path("net_percent").decimalValue()).isEqualByComparingTo("0.968901");
            assertThat(sizes.path(0).path("depth_percent").decimalValue()).isEqualByComparingTo("0");
            assertThat(sizes.path(1).path("depth_percent").decimalValue()).isPositive();
            assertThat(sizes.path(1).path("net_percent").decimalValue()).isBetween(new BigDecimal("0.5"),
                    new BigDecimal("0.968901"));
            assertThat(sizes.path(2).path("net_percent").decimalValue()).isNegative();
            assertThat(sizes.path(1).path("buy_price").decimalValue()).isBetween(new BigDecimal("100.1"),
                    new BigDecimal("100.3"));
            assertThat(execution.path("max_size_usdt").decimalValue()).isBetween(new BigDecimal("10000"),
                    new BigDecimal("50000"));
        }

        @Test
        void legsWhosePricesDisagreeBeyondTheLimitMakeNoSignalAndAreCountedByReason() throws Exception {
            // RUNE's perps at 1.58 and 5.49: a ticker collision, not a 248 % spread
            String symbol = "RUNE" + (System.nanoTime() % 100000) + "/USDT";
            double before = refused("price_mismatch");
            publish(snapshot(symbol, "1.58", "1.59", "5.48", "5.49"));
            String fresh = "NEXT" + (System.nanoTime() % 100000) + "/USDT";
            publish(snapshot(fresh, "100.0", "100.1", "101.2", "101.3"));

            await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(fresh) == 1);
            assertThat(openSignalsOf(symbol)).isZero();
            assertThat(refused("price_mismatch")).isGreaterThan(before);
        }

        @Test
        void anOpenSignalWhoseLegGoesStaleSaysSoAndIsNoLongerAlertable() throws Exception {
            String symbol = "STL" + (System.nanoTime() % 100000) + "/USDT";
            publish(snapshot(symbol, "100.0", "100.1", "101.2", "101.3"));
            await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(symbol) == 1);
            UUID id = jdbc.sql("SELECT id FROM signal_mexc_spot_futures WHERE symbol = ?").param(symbol)
                    .query(UUID.class).single();

            Instant old = Instant.now().minusSeconds(120);
            publish(MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                    quote("spot", "100.0", "100.1", null, old), quote("perp", "103", "103.1", "0.0001", Instant.now())),
                    List.of(), List.of()));

            await().atMost(Duration.ofSeconds(30)).until(() -> as(vip).get("/api/v1/signals/" + id).json()
                    .path("execution").path("flags").toString().contains("STALE_LEG"));
            JsonNode shown = as(vip).get("/api/v1/signals/" + id).json();
            // the stale quote moved nothing: the spreads are those of the fresh snapshot
            assertThat(shown.path("net_spread_percent").decimalValue()).isEqualByComparingTo("0.968901");
            assertThat(shown.path("status").asString()).isEqualTo("OPEN");
            assertThat(shown.path("execution").path("alertable").asBoolean()).isFalse();
            assertThat(shown.path("execution").path("legs").path(0).path("stale").asBoolean()).isTrue();

            // fresh again: the flag goes, though the spread held
            publish(snapshot(symbol, "100.0", "100.1", "101.2", "101.3"));
            await().atMost(Duration.ofSeconds(30)).until(() -> as(vip).get("/api/v1/signals/" + id).json()
                    .path("execution").path("alertable").asBoolean());
            assertThat(as(vip).get("/api/v1/signals/" + id).json().path("execution").path("flags").toString())
                    .doesNotContain("STALE_LEG");
        }

        @Test
        void aDexRouteWhoseWithdrawalIsClosedIsListedWithItsCostsButNotAlertable() throws Exception {
            String symbol = "DXR" + (System.nanoTime() % 100000) + "/USDT";
            String token = "0x" + UUID.randomUUID().toString().replace("-", "");
            Instant now = Instant.now();
            // MEXC at 1.001, the BSC pool at 1.05: buy on MEXC, withdraw over BEP20 (closed), sell on the pool
            publish(MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT",
                    List.of(quote("spot", "1.000", "1.001", null, now)),
                    List.of(new MarketSnapshot.DexPool("bsc", "pancakeswap", "0xPair" + token.substring(2, 10), token,
                            new BigDecimal("1.05"), new BigDecimal("2000000"), new BigDecimal("800000"), now)),
                    List.of(new MarketSnapshot.NetworkStatus("BEP20", "bsc", token, true, false, BigDecimal.ONE,
                            now))));

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM signal_mexc_dex WHERE symbol = ? AND status = 'OPEN'").param(symbol)
                    .query(Long.class).single() == 1);
            JsonNode listed = as(vip).get("/api/v1/signals/mexc-dex?symbol=" + symbol).json().path("items").path(0);
            JsonNode execution = listed.path("execution");
            assertThat(execution.path("alertable").asBoolean()).isFalse();
            assertThat(execution.path("flags").toString()).contains("TRANSFER_CLOSED");
            assertThat(execution.path("transfer").path("needed").asString()).isEqualTo("WITHDRAW");
            assertThat(execution.path("transfer").path("withdraw").asString()).isEqualTo("CLOSED");
            assertThat(execution.path("transfer").path("deposit").asString()).isEqualTo("OPEN");
            JsonNode smallest = execution.path("sizes").path(0);
            assertThat(smallest.path("transfer_percent").decimalValue()).isPositive();
            assertThat(smallest.path("depth_percent").decimalValue()).isPositive();
            assertThat(listed.path("net_spread_percent").decimalValue()).isEqualByComparingTo(
                    smallest.path("net_percent").decimalValue());
            assertThat(listed.path("net_spread_percent").decimalValue()).isLessThan(
                    listed.path("spread_percent").decimalValue());
        }

        double refused(String reason) {
            return meters.find("cryptotracker.signals.refused").tag("kind", "mexc-spot-futures").tag("reason", reason)
                    .counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        }

        @Test
        void staleQuotesMakeNoSignal() throws Exception {
            String symbol = "OLD" + (System.nanoTime() % 100000) + "/USDT";
            Instant old = Instant.now().minusSeconds(600);
            MarketSnapshot stale = MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                    quote("spot", "100.0", "100.1", null, old), quote("perp", "110", "110.1", "0.0002", old)),
                    List.of(), List.of());
            String fresh = "NEW" + (System.nanoTime() % 100000) + "/USDT";
            publish(stale);
            publish(snapshot(fresh, "100.0", "100.1", "101.2", "101.3"));

            // the later snapshot is handled, so the earlier one was too
            await().atMost(Duration.ofSeconds(30)).until(() -> openSignalsOf(fresh) == 1);
            assertThat(openSignalsOf(symbol)).isZero();
        }
    }

    @Nested
    class Visibility {

        @Test
        void freeUsersSeeASignalOnlyAfterTheDelayVipUsersAtOnce() {
            String symbol = "VIS" + (System.nanoTime() % 100000) + "/USDT";
            SignalData young = lifecycle.open(detectedAt(spotFutures(UUID.randomUUID(), symbol, "1.5", "1.4"),
                    Instant.now().minusSeconds(60)), "v:young", null);
            SignalData old = lifecycle.open(detectedAt(spotFutures(UUID.randomUUID(), symbol, "2.5", "2.4"),
                    Instant.now().minus(2, ChronoUnit.HOURS)), "v:old", null);

            String list = "/api/v1/signals/mexc-spot-futures?symbol=" + symbol.replace("/", "");
            assertThat(as(vip).get(list).json().path("items").findValuesAsString("id"))
                    .containsExactly(young.id().toString(), old.id().toString());
            JsonNode forFree = as(free).get(list).json();
            assertThat(forFree.path("items").findValuesAsString("id")).containsExactly(old.id().toString());
            assertThat(forFree.path("total_items").asLong()).isEqualTo(1);
            assertThat(as(free).get("/api/v1/signals/" + young.id()).status()).isEqualTo(404);
            assertThat(as(free).get("/api/v1/signals/" + old.id()).status()).isEqualTo(200);
            assertThat(as(vip).get("/api/v1/signals/" + young.id()).status()).isEqualTo(200);
        }

        @Test
        void listsFilterSortAndPage() {
            String base = "FLT" + (System.nanoTime() % 100000);
            for (String spread : List.of("0.8", "1.6", "3.2")) {
                lifecycle.open(spotFutures(UUID.randomUUID(), base + "/USDT", spread, spread), "f:" + spread, null);
            }
            String path = "/api/v1/signals/mexc-spot-futures?symbol=" + base + "_USDT&min_spread=1&sort=spread_percent,asc&size=1";
            JsonNode page = as(vip).get(path).json();
            assertThat(page.path("total_items").asLong()).isEqualTo(2);
            assertThat(page.path("total_pages").asLong()).isEqualTo(2);
            assertThat(page.path("items").get(0).path("spread_percent").decimalValue()).isEqualByComparingTo("1.6");
            JsonNode second = as(vip).get(path + "&page=1").json();
            assertThat(second.path("items").get(0).path("spread_percent").decimalValue()).isEqualByComparingTo("3.2");
            assertThat(as(vip).get("/api/v1/signals/mexc-spot-futures?q=" + base.toLowerCase() + "&status=open")
                    .json().path("total_items").asLong()).isEqualTo(3);
            assertThat(as(vip).get("/api/v1/signals/mexc-spot-futures?symbol=" + base + "&max_spread=1")
                    .json().path("total_items").asLong()).isEqualTo(1);
        }

        @Test
        void aMalformedParameterIsA400NamingIt() {
            assertThat(as(vip).get("/api/v1/signals/funding-rate?min_spread=abc").errorFields())
                    .containsExactly("min_spread");
            assertThat(as(vip).get("/api/v1/signals/funding-rate?from=yesterday&status=maybe").errorFields())
                    .containsExactly("status", "from");
            assertThat(as(vip).get("/api/v1/signals/mexc-dex?page=x").errorFields()).containsExactly("page");
            assertThat(as(vip).get("/api/v1/signals/mexc-dex?sort=price").errorFields()).containsExactly("sort");
            assertThat(as(vip).get("/api/v1/signals/mexc-spot-futures?chain=solana").errorFields())
                    .containsExactly("chain");
            assertThat(as(vip).get("/api/v1/signals/not-a-kind").errorFields()).containsExactly("id");
            assertThat(as(vip).get("/api/v1/signals/mexc-dex?chain=solana&min_liquidity=1000").status())
                    .isEqualTo(200);
        }
    }

    @Nested
    class Quote {

        @Test
        void aDetectorSignalIsPricedAtTheAskedSizeFromTheLatestBooks() {
            String symbol = "QTE" + (System.nanoTime() % 100000) + "/USDT";
            latestMarket.remember(bookSnapshot(symbol), Instant.now());
            SignalData signal = lifecycle.open(spotFutures(UUID.randomUUID(), symbol, "1.1", "0.96"),
                    "mexc:spot|mexc:perp", null);

            ApiResponse answer = as(vip).get("/api/v1/signals/" + signal.id() + "/quote?size_usdt=2500.50");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.path("signal_id").asString()).isEqualTo(signal.id().toString());
            assertThat(body.path("kind").asString()).isEqualTo(SignalData.MEXC_SPOT_FUTURES);
            assertThat(body.path("size_usdt").decimalValue()).isEqualByComparingTo("2500.50");
            assertThat(body.path("basis").asString()).isEqualTo("BOOK");
            assertThat(body.path("legs").findValuesAsString("market")).containsExactly("spot", "perp");
            assertThat(body.path("legs").findValuesAsString("side")).containsExactly("BUY", "SELL");
            assertThat(body.path("legs").get(0).path("stale").asBoolean()).isFalse();
            JsonNode quote = body.path("quote");
            assertThat(quote.path("size_usdt").decimalValue()).isEqualByComparingTo("2500.50");
            assertThat(quote.path("refusal").isNull()).isTrue();
            // bought at the spot ask 100.1, sold at the perp bid 101.2; taker fees 0.05 % + 0.02 %, in and out
            assertThat(quote.path("top_of_book_percent").decimalValue()).isEqualByComparingTo("1.098901");
            assertThat(quote.path("fees_percent").decimalValue()).isEqualByComparingTo("0.14");
            assertThat(quote.path("net_percent").decimalValue()).isEqualByComparingTo(
                    quote.path("top_of_book_percent").decimalValue().subtract(quote.path("fees_percent").decimalValue())
                            .subtract(quote.path("transfer_percent").decimalValue())
                            .subtract(quote.path("depth_percent").decimalValue())
                            .add(quote.path("funding_percent").decimalValue()));
            assertThat(quote.path("net_usdt").decimalValue()).isPositive();
            assertThat(body.path("max_size_usdt").decimalValue()).isPositive();
            assertThat(body.path("alertable").asBoolean()).isTrue();
            assertThat(body.path("flags").isArray()).isTrue();
        }

        @Test
        void aFundingSignalIsQuotedWithItsDailyIncomeAndBreakEvenHours() {
            String symbol = "QFND" + (System.nanoTime() % 10000) + "/USDT";
            Instant now = Instant.now();
            latestMarket.remember(MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT",
                    List.of(perp("binance", "100.00", "100.02", "0.0001", now),
                            perp("bybit", "100.05", "100.07", "0.0006", now)), List.of(), List.of()), now);
            SignalData signal = lifecycle.open(new SignalData(UUID.randomUUID(), SignalData.FUNDING_RATE, symbol,
                    new BigDecimal("0.05"), new BigDecimal("0.04"), null, null, "DETECTOR", null, null, null, null,
                    new SignalData.Funding("binance", "bybit", new BigDecimal("0.0001"), new BigDecimal("0.0006"),
                            null, null, 8, 8, null, null, null, null, null), null, null),
                    "binance:perp|bybit:perp", null);

            ApiResponse answer = as(vip).get("/api/v1/signals/" + signal.id() + "/quote?size_usdt=10000");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.path("basis").asString()).isEqualTo("TOP_OF_BOOK");
            assertThat(body.path("flags").valueStream().map(JsonNode::asString)).contains("TOP_OF_BOOK");
            assertThat(body.path("legs").findValuesAsString("venue")).containsExactly("binance", "bybit");
            JsonNode income = body.path("quote").path("funding_income");
            // long binance pays 0.01 %, short bybit earns 0.06 % of 10,000 USDT every 8 hours
            assertThat(income.path("per_8h_usdt").decimalValue()).isEqualByComparingTo("5");
            assertThat(income.path("per_hour_usdt").decimalValue()).isEqualByComparingTo("0.625");
            assertThat(income.path("per_day_usdt").decimalValue()).isEqualByComparingTo("15");
            BigDecimal cost = body.path("quote").path("cost_usdt").decimalValue();
            assertThat(cost).isPositive();
            assertThat(income.path("break_even_hours").decimalValue())
                    .isCloseTo(cost.divide(new BigDecimal("0.625"), 6, java.math.RoundingMode.CEILING),
                            org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));
        }

        @Test
        void aSizeThatIsMissingNotAPositiveNumberOrTooPreciseIsA400NamingSizeUsdt() {
            SignalData signal = lifecycle.open(spotFutures(UUID.randomUUID(), "QBAD" + (System.nanoTime() % 10000)
                    + "/USDT", "1.1", "0.96"), "mexc:spot|mexc:perp", null);
            String path = "/api/v1/signals/" + signal.id() + "/quote";

            assertThat(problemOf(path)).isEqualTo("size_usdt: is required");
            assertThat(problemOf(path + "?size_usdt=")).isEqualTo("size_usdt: is required");
            assertThat(problemOf(path + "?size_usdt=0")).isEqualTo("size_usdt: must be more than 0");
            assertThat(problemOf(path + "?size_usdt=-5")).isEqualTo("size_usdt: must be more than 0");
            assertThat(problemOf(path + "?size_usdt=lots"))
                    .isEqualTo("size_usdt: must be a number of USDT such as 2500.50");
            assertThat(problemOf(path + "?size_usdt=1e3"))
                    .isEqualTo("size_usdt: must be a number of USDT such as 2500.50");
            assertThat(problemOf(path + "?size_usdt=10000000.01")).isEqualTo("size_usdt: must be at most 10000000");
            assertThat(problemOf(path + "?size_usdt=100.125")).isEqualTo("size_usdt: must have at most 2 decimals");
        }

        @Test
        void anUnknownSignalIsA404AndAFreeUserCannotQuoteASignalYoungerThanTheDelay() {
            String symbol = "QVIS" + (System.nanoTime() % 10000) + "/USDT";
            latestMarket.remember(bookSnapshot(symbol), Instant.now());
            SignalData young = lifecycle.open(detectedAt(spotFutures(UUID.randomUUID(), symbol, "1.5", "1.4"),
                    Instant.now().minusSeconds(60)), "q:young", null);
            SignalData old = lifecycle.open(detectedAt(spotFutures(UUID.randomUUID(), symbol, "2.5", "2.4"),
                    Instant.now().minus(2, ChronoUnit.HOURS)), "q:old", null);

            ApiResponse unknown = as(vip).get("/api/v1/signals/" + UUID.randomUUID() + "/quote?size_usdt=1000");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            assertThat(as(free).get("/api/v1/signals/" + young.id() + "/quote?size_usdt=1000").status())
                    .isEqualTo(404);
            assertThat(as(free).get("/api/v1/signals/" + old.id() + "/quote?size_usdt=1000").status())
                    .isEqualTo(200);
            assertThat(as(vip).get("/api/v1/signals/" + young.id() + "/quote?size_usdt=1000").status())
                    .isEqualTo(200);
            assertThat(as(vip).get("/api/v1/signals/not-an-id/quote?size_usdt=1000").errorFields())
                    .containsExactly("id");
        }

        @Test
        void aSignalWithoutMarketDataOrWithoutARouteIsA422SayingWhy() {
            SignalData unpriced = lifecycle.open(spotFutures(UUID.randomUUID(), "QNOM" + (System.nanoTime() % 10000)
                    + "/USDT", "1.1", "0.96"), "mexc:spot|mexc:perp", null);
            SignalData routeless = lifecycle.open(new SignalData(UUID.randomUUID(), SignalData.FUNDING_RATE,
                    "QNOR" + (System.nanoTime() % 10000) + "/USDT", new BigDecimal("0.5"), new BigDecimal("0.4"), null,
                    null, "TELEGRAM", null, null, null, null, new SignalData.Funding(null, null, null, null, null,
                            null, null, null, null, null, null, null, null), null, null),
                    "telegram:" + UUID.randomUUID(), null);

            ApiResponse noMarket = as(vip).get("/api/v1/signals/" + unpriced.id() + "/quote?size_usdt=1000");
            assertThat(noMarket.status()).isEqualTo(422);
            assertThat(noMarket.text("type")).endsWith("/quote-no-market");
            assertThat(noMarket.text("detail")).contains(unpriced.symbol()).contains("no recent market");
            ApiResponse noRoute = as(vip).get("/api/v1/signals/" + routeless.id() + "/quote?size_usdt=1000");
            assertThat(noRoute.status()).isEqualTo(422);
            assertThat(noRoute.text("type")).endsWith("/quote-no-route");
            assertThat(noRoute.text("detail")).contains("names no venues");
        }

        private String problemOf(String path) {
            ApiResponse answer = as(vip).get(path);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            JsonNode errors = answer.json().path("errors");
            assertThat(errors.size()).as(answer.body()).isEqualTo(1);
            return errors.get(0).path("field").asString() + ": " + errors.get(0).path("message").asString();
        }
    }

    @Nested
    class Admin {

        @Test
        void onlyAdminsPostAndDeleteSignalsAndADeletionIsAnnounced() {
            String body = "{\"kind\": \"funding-rate\", \"symbol\": \"$wif\", \"spread_percent\": 0.4, "
                    + "\"funding\": {\"long_exchange\": \"binance\", \"short_exchange\": \"bybit\"}}";
            assertThat(as(vip).post("/api/v1/signals", body).status()).isEqualTo(403);

            ApiResponse created = as(admin).post("/api/v1/signals", body);
            assertThat(created.status()).isEqualTo(201);
            JsonNode signal = created.json();
            assertThat(signal.path("symbol").asString()).isEqualTo("WIF/USDT");
            assertThat(signal.path("source").asString()).isEqualTo("MANUAL");
            assertThat(signal.path("funding").path("short_exchange").asString()).isEqualTo("bybit");
            String id = signal.path("id").asString();

            assertThat(as(vip).delete("/api/v1/signals/" + id).status()).isEqualTo(403);
            assertThat(as(admin).delete("/api/v1/signals/" + id).status()).isEqualTo(204);
            assertThat(as(vip).get("/api/v1/signals/" + id).status()).isEqualTo(404);
            assertThat(as(admin).delete("/api/v1/signals/" + id).status()).isEqualTo(404);
            assertThat(outboxEventsOf(UUID.fromString(id))).extracting(DomainEvent::type)
                    .containsExactly(SignalCreated.TYPE, SignalDeleted.TYPE);
            assertThat(as(admin).post("/api/v1/signals", "{\"kind\": \"x\", \"symbol\": \"12\"}").errorFields())
                    .containsExactly("kind", "symbol", "spread_percent");
        }

        @Test
        void detailsThatCannotBeStoredAreA400NamingEach() {
            ApiResponse response = as(admin).post("/api/v1/signals", "{\"kind\": \"mexc-dex\", \"symbol\": \"BTC\", "
                    + "\"spread_percent\": 1, \"dex\": {\"dex_price\": 1e999999999, \"chain\": \"" + "x".repeat(33)
                    + "\", \"volume_24h_usd\": 123456789012345678901234567890123}}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorFields()).containsExactly("dex.chain", "dex.dex_price", "dex.volume_24h_usd");
        }
    }

    @Nested
    class BadInput {

        @Test
        void aNulInAFilterIsA400NamingIt() {
            ApiResponse exchange = as(vip).get("/api/v1/signals/funding-rate?exchange=mexc%00");
            ApiResponse chain = as(vip).get("/api/v1/signals/mexc-dex?chain=%00sol");

            assertThat(exchange.status()).isEqualTo(400);
            assertThat(exchange.header("Content-Type")).startsWith("application/problem+json");
            assertThat(exchange.errorFields()).containsExactly("exchange");
            assertThat(chain.status()).isEqualTo(400);
            assertThat(chain.errorFields()).containsExactly("chain");
        }

        @Test
        void invalidUtf8OrAYearBeyond9999InAFilterIsA400NamingIt() {
            assertThat(as(vip).get("/api/v1/signals/mexc-dex?chain=sol%C3%28").errorFields())
                    .containsExactly("chain");
            assertThat(as(vip).get("/api/v1/signals/funding-rate?from=%2B1000000000-01-01T00:00:00Z").errorFields())
                    .containsExactly("from");
        }

        @Test
        void aNulInAJsonStringIsA400NamingTheField() {
            ApiResponse response = as(admin).post("/api/v1/signals",
                    "{\"kind\": \"funding-rate\", \"symbol\": \"BTC\\u0000\", \"spread_percent\": 1}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.errorFields()).containsExactly("symbol");
        }

        @Test
        void aBodyOverOneMebibyteIsA413Problem() {
            ApiResponse response = as(admin).post("/api/v1/signals",
                    "{\"kind\": \"funding-rate\", \"symbol\": \"" + "x".repeat(1024 * 1024) + "\"}");

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }

        @Test
        void aYamlBodyOnAJsonEndpointIsA415Problem() throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals"))
                    .header("Authorization", "Bearer " + issuer().token(admin))
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString("kind: funding-rate\nsymbol: BTC\nspread_percent: 1\n"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Nested
    class Telegram {

        @Test
        void aPostBecomesASignalOnceAndItsEditUpdatesIt() {
            long chat = -1001000000000L - (System.nanoTime() % 100000);
            String post = update(7001, chat, 42, false, "🔔 Spread Alert for TGAUSDT:\nSpot: 0.1234\nFutures: 0.1301\n💥 Spread: 5.43%");

            ApiResponse first = telegram(SECRET).post("/api/v1/telegram/webhook", post);
            assertThat(first.status()).isEqualTo(200);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", post).status()).isEqualTo(200);
            List<String> ids = first.json().path("signal_ids").valueStream().map(JsonNode::asString).toList();
            assertThat(ids).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM signal_mexc_spot_futures WHERE symbol = 'TGA/USDT'")
                    .query(Long.class).single()).isEqualTo(1);
            JsonNode signal = as(vip).get("/api/v1/signals/" + ids.get(0)).json();
            assertThat(signal.path("source").asString()).isEqualTo("TELEGRAM");
            assertThat(signal.path("spread_percent").decimalValue()).isEqualByComparingTo("5.43");

            String edited = update(7002, chat, 42, true, "🔔 Spread Alert for TGAUSDT:\nSpot: 0.1234\nFutures: 0.1301\n💥 Spread: 6,1%");
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", edited).status()).isEqualTo(200);
            JsonNode after = as(vip).get("/api/v1/signals/" + ids.get(0)).json();
            assertThat(after.path("spread_percent").decimalValue()).isEqualByComparingTo("6.1");
            assertThat(after.path("history").findValuesAsString("change")).containsExactly("created", "updated");
        }

        @Test
        void severalSignalsInOnePostAndUnreadablePostsAreKeptForAdmins() {
            long chat = -1002000000000L - (System.nanoTime() % 100000);
            String two = "⚠️ EXTREME RATE\n🔴 TGBUSDT\n• Rate: -0.0800% → -0.1500%\n• Interval: 8h\n\n"
                    + "⚠️ EXTREME RATE\n🔴 TGCUSDT\n• Rate: 0.0800% → 0.2500%\n• Interval: 4h";
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", update(8001, chat, 1, false, two)).json()
                    .path("signal_ids").size()).isEqualTo(2);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook",
                    update(8002, chat, 2, false, "Good morning, traders ☀️")).status()).isEqualTo(200);

            JsonNode unparsed = as(admin).get("/api/v1/telegram/messages?status=unparsed").json();
            assertThat(unparsed.path("items").findValuesAsString("text")).contains("Good morning, traders ☀️");
            assertThat(unparsed.path("items").get(0).path("reason").asString()).isNotBlank();
            JsonNode parsed = as(admin).get("/api/v1/telegram/messages?status=parsed").json();
            assertThat(parsed.path("items").findValues("signal_ids")).anySatisfy(ids -> assertThat(ids.size())
                    .isEqualTo(2));
            assertThat(as(vip).get("/api/v1/telegram/messages").status()).isEqualTo(403);
            assertThat(as(admin).get("/api/v1/telegram/messages?status=lost").errorFields())
                    .containsExactly("status");
        }

        @Test
        void aWrongOrMissingSecretIs401AndGarbageIsNever5xx() {
            String post = update(9001, -1003L, 1, false, "🔔 Spread Alert for TGDUSDT:\nSpread: 5%");
            assertThat(telegram(null).post("/api/v1/telegram/webhook", post).status()).isEqualTo(401);
            assertThat(telegram("wrong").post("/api/v1/telegram/webhook", post).status()).isEqualTo(401);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", "not json").status()).isEqualTo(400);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", "[1,2]").status()).isEqualTo(200);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", "{\"update_id\": 5, \"message\": {}}")
                    .status()).isEqualTo(200);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook",
                    "{\"update_id\": 6, \"channel_post\": {\"message_id\": 1, \"chat\": {\"id\": -1004}}}")
                    .status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT reason FROM telegram_messages WHERE chat_id = -1004").query(String.class)
                    .single()).isEqualTo("post without text");
        }

        @Test
        void anUnreadablePostIsAcknowledgedAndKeptUnparsedWithItsReason() {
            long chat = -1008000000000L - (System.nanoTime() % 100000);
            String nulInText = update(9201, chat, 1, false, "Spread Alert").replace("Spread Alert",
                    "Spread\\u0000Alert");
            String nulInTitle = update(9202, chat, 2, false, "Good evening").replace("Arb channel", "Arb\\u0000");
            String farDate = update(9203, chat, 3, false, "Good night").replace("1795558000", "1e18");

            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", nulInText).status()).isEqualTo(200);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", nulInTitle).status()).isEqualTo(200);
            assertThat(telegram(SECRET).post("/api/v1/telegram/webhook", farDate).status()).isEqualTo(200);

            List<String> reasons = jdbc.sql("SELECT status || ': ' || reason FROM telegram_messages WHERE chat_id = ? "
                    + "ORDER BY message_id").param(chat).query(String.class).list();
            assertThat(reasons).containsExactly(
                    "UNPARSED: text contains NUL, control characters or unpaired surrogates",
                    "UNPARSED: chat title contains NUL, control characters or unpaired surrogates",
                    "UNPARSED: date is not a time (Unix seconds up to year 9999)");
            assertThat(jdbc.sql("SELECT text FROM telegram_messages WHERE chat_id = ? AND message_id = 1").param(chat)
                    .query(String.class).single()).isEqualTo("Spread\uFFFDAlert");
        }

        @Test
        void aLaterPostAboutTheSameCoinClosesTheEarlierPostsSignal() {
            long chat = -1005000000000L - (System.nanoTime() % 100000);
            String alert = "🔔 Spread Alert for TGEUSDT:\nSpot: 1\nFutures: 1.05\n💥 Spread: 5%";
            String first = telegram(SECRET).post("/api/v1/telegram/webhook", update(9101, chat, 10, false, alert))
                    .json().path("signal_ids").get(0).asString();
            String second = telegram(SECRET).post("/api/v1/telegram/webhook",
                    update(9102, chat, 11, false, alert.replace("5%", "4%"))).json().path("signal_ids").get(0)
                    .asString();

            assertThat(as(vip).get("/api/v1/signals/" + first).json().path("status").asString()).isEqualTo("CLOSED");
            assertThat(as(vip).get("/api/v1/signals/" + second).json().path("status").asString()).isEqualTo("OPEN");
        }

        @Test
        void aSignalFromAPostClosesByItselfOnceItsTimeIsUp() {
            SignalData opened = lifecycle.open(new SignalData(UUID.randomUUID(), SignalData.FUNDING_RATE, "TTL/USDT",
                    new BigDecimal("0.15"), new BigDecimal("0.15"), null, null, "TELEGRAM", null, null, null, null,
                    new SignalData.Funding(null, null, null, null, null, null, null, null, null, null, null, null,
                            null), null, null), "tg:-1:1:0", Instant.now().minusSeconds(1));

            await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(
                    store.find(opened.id()).orElseThrow().data().status()));
            assertThat(outboxEventsOf(opened.id())).extracting(DomainEvent::type).containsExactly(SignalCreated.TYPE,
                    SignalClosed.TYPE);
        }

        String update(long updateId, long chat, long messageId, boolean edited, String text) {
            String kind = edited ? "edited_channel_post" : "channel_post";
            return "{\"update_id\": " + updateId + ", \"" + kind + "\": {\"message_id\": " + messageId
                    + ", \"chat\": {\"id\": " + chat + ", \"title\": \"Arb channel\", \"type\": \"channel\"}, "
                    + "\"date\": 1795558000" + (edited ? ", \"edit_date\": 1795558100" : "") + ", \"text\": \""
                    + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}}";
        }
    }

    long openSignalsOf(String symbol) {
        return jdbc.sql("SELECT count(*) FROM signal_mexc_spot_futures WHERE symbol = ? AND status = 'OPEN'")
                .param(symbol).query(Long.class).single();
    }

    void publish(MarketSnapshot snapshot) throws Exception {
        producer.send(new ProducerRecord<>(Topics.MARKET, snapshot.partitionKey(), EventJson.write(snapshot))).get();
    }

    KafkaConsumer<String, String> signalConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "signals-it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.SIGNALS));
        return consumer;
    }

    static MarketSnapshot snapshot(String symbol, String spotBid, String spotAsk, String perpBid, String perpAsk) {
        Instant now = Instant.now();
        return MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                quote("spot", spotBid, spotAsk, null, now), quote("perp", perpBid, perpAsk, "0.0001", now)), List.of(),
                List.of());
    }

    /** {@link #snapshot} with 400,000 USDT of depth a level on both MEXC books, read now. */
    static MarketSnapshot bookSnapshot(String symbol) {
        Instant now = Instant.now();
        MarketSnapshot top = snapshot(symbol, "100.0", "100.1", "101.2", "101.3");
        return top.withBooks(List.of(book("spot", now, "100.0", "99.9", "100.1", "100.2"),
                book("perp", now, "101.2", "101.1", "101.3", "101.4")));
    }

    static MarketSnapshot.OrderBook book(String market, Instant at, String bid1, String bid2, String ask1,
            String ask2) {
        BigDecimal qty = new BigDecimal("4000");
        return new MarketSnapshot.OrderBook("mexc", market,
                List.of(new MarketSnapshot.Level(new BigDecimal(bid1), qty),
                        new MarketSnapshot.Level(new BigDecimal(bid2), qty)),
                List.of(new MarketSnapshot.Level(new BigDecimal(ask1), qty),
                        new MarketSnapshot.Level(new BigDecimal(ask2), qty)), at);
    }

    /** Price and quantity pairs, best first. */
    static List<MarketSnapshot.Level> levels(String... priceQty) {
        List<MarketSnapshot.Level> levels = new ArrayList<>();
        for (int i = 0; i < priceQty.length; i += 2) {
            levels.add(new MarketSnapshot.Level(new BigDecimal(priceQty[i]), new BigDecimal(priceQty[i + 1])));
        }
        return levels;
    }

    static MarketSnapshot.VenueQuote perp(String venue, String bid, String ask, String ratePer8h, Instant at) {
        BigDecimal rate = new BigDecimal(ratePer8h);
        return new MarketSnapshot.VenueQuote(venue, "perp", new BigDecimal(bid), new BigDecimal(ask), BigDecimal.ONE,
                BigDecimal.ONE, new BigDecimal(bid), new BigDecimal(bid), null, new BigDecimal("1000000"),
                new BigDecimal("0.0002"), new MarketSnapshot.Funding(rate, 8, rate, rate.multiply(BigDecimal
                        .valueOf(109500)), at.plusSeconds(3600)), at);
    }

    static MarketSnapshot.VenueQuote quote(String market, String bid, String ask, String fundingPer8h, Instant at) {
        MarketSnapshot.Funding funding = fundingPer8h == null ? null
                : new MarketSnapshot.Funding(new BigDecimal(fundingPer8h), 8, new BigDecimal(fundingPer8h),
                        new BigDecimal(fundingPer8h).multiply(BigDecimal.valueOf(109500)), at.plusSeconds(3600));
        return new MarketSnapshot.VenueQuote("mexc", market, new BigDecimal(bid), new BigDecimal(ask), BigDecimal.ONE,
                BigDecimal.ONE, new BigDecimal(bid), null, null, new BigDecimal("1000000"),
                new BigDecimal(market.equals("spot") ? "0.0005" : "0.0002"), funding, at);
    }

    List<DomainEvent> outboxEventsOf(UUID signalId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE message_key = ? ORDER BY id").param(signalId.toString())
                .query(String.class).list().stream().map(EventJson::read).toList();
    }

    static long seqOf(DomainEvent event) {
        if (event instanceof SignalCreated e) {
            return e.seq();
        }
        if (event instanceof SignalUpdated e) {
            return e.seq();
        }
        if (event instanceof SignalClosed e) {
            return e.seq();
        }
        if (event instanceof SignalDeleted e) {
            return e.seq();
        }
        throw new IllegalArgumentException(event.type());
    }

    static SignalData detectedAt(SignalData s, Instant at) {
        return new SignalData(s.id(), s.kind(), s.symbol(), s.spreadPercent(), s.netSpreadPercent(),
                s.peakSpreadPercent(), s.status(), s.source(), at, s.updatedAt(), s.closedAt(), s.spotFutures(),
                s.funding(), s.dex(), null);
    }

    static SignalData spotFutures(UUID id, String symbol, String spread, String net) {
        return new SignalData(id, SignalData.MEXC_SPOT_FUTURES, symbol, new BigDecimal(spread), new BigDecimal(net),
                null, null, "DETECTOR", Instant.parse("2026-11-23T22:15:01Z"), null, null,
                new SignalData.SpotFutures(new BigDecimal("0.00001921"), new BigDecimal("0.00001923"),
                        new BigDecimal("0.00001938"), new BigDecimal("0.00001939"), "BUY_SPOT_SHORT_PERP",
                        new BigDecimal("0.00035"), Instant.parse("2026-11-24T00:00:00Z"), new BigDecimal("18234567.89"),
                        new BigDecimal("41523311.2")), null, null, null);
    }
}
