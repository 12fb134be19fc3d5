package io.cryptotracker.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.signals.market.SignalDetection;
import io.cryptotracker.signals.series.SpreadRecorder;
import io.cryptotracker.signals.series.SpreadThinning;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import io.cryptotracker.signals.telegram.TelegramConfirmationCheck;
import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, points 3 and 4 on real PostgreSQL over real HTTP with a clock moved by hand: scripted snapshots through
 * the detection into the spread series (min, max, last of the best route per symbol and kind, written when the
 * minute closes), the series endpoint and its bad inputs, the thinning, and Telegram posts through the webhook
 * checked against the series, with the channel scores.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadSeriesAndTelegramCheckTest {

    static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    static final String SECRET = "series-webhook-secret-" + UUID.randomUUID();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
        registry.add("spring.kafka.consumer.group-id", () -> "signals-series-it-" + UUID.randomUUID());
        registry.add("signals.telegram.webhook-secret", () -> SECRET);
        // the tests run the thinning and the check themselves, at the clock's times
        registry.add("signals.series.thin-interval", () -> "1d");
        registry.add("signals.telegram.confirm-check-interval", () -> "1d");
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SignalDetection detection;

    @Autowired
    SpreadRecorder recorder;

    @Autowired
    SpreadThinning thinning;

    @Autowired
    TelegramConfirmationCheck confirmationCheck;

    @Autowired
    SignalStore store;

    @Autowired
    JdbcClient jdbc;

    final AuthenticatedUser free = new AuthenticatedUser(UUID.randomUUID(), "free@example.com", Tier.FREE,
            Set.of("USER"));
    final AuthenticatedUser vip = new AuthenticatedUser(UUID.randomUUID(), "vip@example.com", Tier.VIP,
            Set.of("USER"));
    final AuthenticatedUser admin = new AuthenticatedUser(UUID.randomUUID(), "admin@example.com", Tier.FREE,
            Set.of("USER", "ADMIN"));

    @Test
    void theSeriesKeepsMinMaxAndLastOfTheBestRoutePerMinuteAndServesIt() {
        clock.set(Instant.parse("2026-12-05T08:00:00Z"));
        detection.onSnapshot(spotFutures("SRSA/USDT", 1.0));
        clock.advance(Duration.ofSeconds(20));
        detection.onSnapshot(spotFutures("SRSA/USDT", 2.0));
        clock.advance(Duration.ofSeconds(20));
        detection.onSnapshot(spotFutures("SRSA/USDT", 0.5));
        clock.set(Instant.parse("2026-12-05T08:01:10Z"));
        detection.onSnapshot(spotFutures("SRSA/USDT", 0.7));
        // three funding pairs: the widest gross (0.05 %, gate's high fee) is not the best net (binance|bybit)
        detection.onSnapshot(funding("SRSA/USDT"));
        recorder.flush();

        String range = "from=2026-12-05T07:59:00Z&to=2026-12-05T08:05:00Z";
        JsonNode firstMinute = as(vip).get("/api/v1/signals/spreads/SRSA-USDT?" + range).json();
        assertThat(firstMinute.path("symbol").asString()).isEqualTo("SRSA/USDT");
        assertThat(firstMinute.path("step_seconds").asInt()).isEqualTo(60);
        assertThat(firstMinute.path("series").valueStream().map(s -> s.path("kind").asString()).toList())
                .containsExactly("mexc-spot-futures", "funding-rate", "mexc-dex");
        JsonNode spot = kind(firstMinute, "mexc-spot-futures").path("points");
        assertThat(spot.size()).as("the open minute stays in memory").isEqualTo(1);
        assertPoint(spot.get(0), "2026-12-05T08:00:00Z", 0.5, 2.0, 0.5, 0.43, 1.93, 0.43);
        assertThat(kind(firstMinute, "funding-rate").path("points").size()).isZero();

        clock.set(Instant.parse("2026-12-05T08:02:00Z"));
        recorder.flush();

        JsonNode both = as(vip).get("/api/v1/signals/spreads/srsa_usdt?kind=mexc-spot-futures&" + range).json();
        assertThat(both.path("series").size()).isEqualTo(1);
        JsonNode points = kind(both, "mexc-spot-futures").path("points");
        assertThat(points.size()).isEqualTo(2);
        assertPoint(points.get(1), "2026-12-05T08:01:00Z", 0.7, 0.7, 0.7, 0.63, 0.63, 0.63);
        JsonNode fundingPoints = kind(as(vip).get("/api/v1/signals/spreads/SRSAUSDT?kind=funding-rate&" + range)
                .json(), "funding-rate").path("points");
        assertThat(fundingPoints.size()).isEqualTo(1);
        assertPoint(fundingPoints.get(0), "2026-12-05T08:01:00Z", 0.02, 0.02, 0.02, -0.02, -0.02, -0.02);

        JsonNode twoMinutes = as(vip).get("/api/v1/signals/spreads/SRSA-USDT?kind=mexc-spot-futures&step=2m&"
                + range).json();
        assertThat(twoMinutes.path("step_seconds").asInt()).isEqualTo(120);
        assertThat(kind(twoMinutes, "mexc-spot-futures").path("points").size()).isEqualTo(1);
        assertPoint(kind(twoMinutes, "mexc-spot-futures").path("points").get(0), "2026-12-05T08:00:00Z", 0.5, 2.0,
                0.7, 0.43, 1.93, 0.63);
        // a step of whole quarter hours reads the quarter-hour bucket the recorder wrote beside the minutes
        assertThat(rowsOf("SRSA/USDT")).extracting(row -> ((Number) row.get("resolution")).intValue())
                .containsExactly(60, 900, 60);
        JsonNode quarter = as(vip).get("/api/v1/signals/spreads/SRSA-USDT?kind=mexc-spot-futures&step=15m&"
                + range).json();
        assertThat(kind(quarter, "mexc-spot-futures").path("points").size()).isEqualTo(1);
        assertPoint(kind(quarter, "mexc-spot-futures").path("points").get(0), "2026-12-05T08:00:00Z", 0.5, 2.0,
                0.7, 0.43, 1.93, 0.63);

        // FREE users see the series up to the FREE delay ago, as they see signals
        JsonNode forFree = as(free).get("/api/v1/signals/spreads/SRSA-USDT").json();
        assertThat(forFree.path("to").asString()).isEqualTo("2026-12-05T07:47:00Z");
        assertThat(forFree.path("from").asString()).isEqualTo("2026-12-04T08:02:00Z");
        assertThat(kind(forFree, "mexc-spot-futures").path("points").size()).isZero();
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        clock.set(Instant.parse("2026-12-05T09:00:00Z"));
        String path = "/api/v1/signals/spreads/BTC-USDT";

        assertBad(path + "?kind=spot", "kind");
        assertBad(path + "?from=2026-12-05T08:00:00Z&to=2026-12-05T07:00:00Z", "to");
        assertBad(path + "?from=2099-01-01T00:00:00Z", "from");
        assertBad(path + "?from=2026-10-01T00:00:00Z&to=2026-12-05T00:00:00Z", "from");
        assertBad(path + "?from=yesterday", "from");
        assertBad(path + "?step=30", "step");
        assertBad(path + "?step=90s", "step");
        assertBad(path + "?step=often", "step");
        assertBad(path + "?from=2026-11-10T00:00:00Z&step=60", "step");
        assertBad("/api/v1/signals/spreads/!!", "symbol");
        assertThat(new SignalsApi(port, Map.of()).get(path).status()).isEqualTo(401);
        assertThat(as(free).get(path + "?kind=%20mexc-dex%20&step=PT1H&from=2026-12-01T00:00:00Z").status())
                .isEqualTo(200);
    }

    @Test
    void thinningMergesOldMinutesIntoQuarterHoursAndDeletesExpiredBuckets() {
        Instant base = Instant.parse("2031-01-01T00:00:00Z");
        double[] gross = { 1.0, 1.0, 1.0, 3.0, 1.0, 1.0, 1.0, 0.2, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.4, 0.9 };
        for (int minute = 0; minute < gross.length; minute++) {
            clock.set(base.plusSeconds(minute * 60L + 5));
            detection.onSnapshot(spotFutures("THN/USDT", gross[minute]));
        }
        clock.set(base.plusSeconds(16 * 60 + 5));
        recorder.flush();
        List<Map<String, Object>> written = rowsOf("THN/USDT");
        assertThat(written).as("16 minutes and the two quarter hours they fall in").hasSize(18);
        assertRow(written.get(1), 900, "2031-01-01T00:00:00Z", 0.2, 3.0, 1.4, 0.13, 2.93, 1.33);

        clock.set(Instant.parse("2031-01-03T00:20:00Z"));
        thinning.thin();

        List<Map<String, Object>> thinned = rowsOf("THN/USDT");
        assertThat(thinned).hasSize(3);
        assertRow(thinned.get(0), 900, "2031-01-01T00:00:00Z", 0.2, 3.0, 1.4, 0.13, 2.93, 1.33);
        assertRow(thinned.get(1), 60, "2031-01-01T00:15:00Z", 0.9, 0.9, 0.9, 0.83, 0.83, 0.83);
        assertRow(thinned.get(2), 900, "2031-01-01T00:15:00Z", 0.9, 0.9, 0.9, 0.83, 0.83, 0.83);
        thinning.thin();
        assertThat(rowsOf("THN/USDT")).as("a second run changes nothing").isEqualTo(thinned);

        String range = "/api/v1/signals/spreads/THN-USDT?kind=mexc-spot-futures&from=2031-01-01T00:00:00Z"
                + "&to=2031-01-01T00:30:00Z";
        JsonNode coarse = as(vip).get(range).json();
        assertThat(coarse.path("step_seconds").asInt()).as("the thinned buckets' length by default").isEqualTo(900);
        JsonNode points = kind(coarse, "mexc-spot-futures").path("points");
        assertThat(points.size()).isEqualTo(2);
        assertPoint(points.get(0), "2031-01-01T00:00:00Z", 0.2, 3.0, 1.4, 0.13, 2.93, 1.33);
        assertPoint(points.get(1), "2031-01-01T00:15:00Z", 0.9, 0.9, 0.9, 0.83, 0.83, 0.83);
        assertThat(kind(as(vip).get(range + "&step=60").json(), "mexc-spot-futures").path("points").size())
                .isEqualTo(2);

        clock.set(Instant.parse("2031-02-01T00:16:00Z"));
        thinning.thin();
        assertThat(rowsOf("THN/USDT")).as("older than the retention").isEmpty();
    }

    @Test
    void telegramSignalsAreCheckedAgainstOurSeriesAndChannelsScored() {
        long chat = -1002000000000L - (System.nanoTime() % 100000);
        Instant detectorTime = clock.set(Instant.parse("2026-12-06T10:00:05Z"));
        detection.onSnapshot(spotFutures("CNFA/USDT", 1.2));
        detection.onSnapshot(spotFutures("CNFB/USDT", 0.4));
        // Telegram dates the posts 20 s after our detection; they reach us 10 s later
        Instant posted = detectorTime.plusSeconds(20);
        clock.advance(Duration.ofSeconds(30));

        UUID confirmed = post(chat, 1, posted, "🔔 Spread Alert for CNFAUSDT:\nSpot: 100.1\nFutures: 101.6\n💥 Spread: 1.5%");
        UUID notReproducible = post(chat, 2, posted,
                "🔔 Spread Alert for CNFBUSDT:\nSpot: 100.1\nFutures: 103.1\n💥 Spread: 3%");
        UUID noData = post(chat, 3, posted, "🔔 Spread Alert for CNFCUSDT:\nSpot: 100.1\nFutures: 102.1\n💥 Spread: 2%");
        assertThat(postIds(chat, 4, posted, "Good morning")).isEmpty();
        // the ledger keys a Telegram spot–futures row by the detector's route; the post is found by its signal ids
        ledgerRow(confirmed, chat, "mexc:spot|mexc:perp");
        ledgerRow(notReproducible, chat, null);
        ledgerRow(noData, chat, null);

        clock.set(Instant.parse("2026-12-06T10:05:00Z"));
        recorder.flush();
        confirmationCheck.check();
        assertThat(confirmationOf(confirmed).get("confirmation")).as("the window has not passed").isNull();

        Instant checkedAt = clock.set(Instant.parse("2026-12-06T10:13:00Z"));
        confirmationCheck.check();

        Map<String, Object> a = confirmationOf(confirmed);
        assertThat(a.get("confirmation")).isEqualTo("CONFIRMED");
        assertThat((BigDecimal) a.get("channel_spread_percent")).isEqualByComparingTo("1.5");
        assertThat((BigDecimal) a.get("our_spread_percent")).isEqualByComparingTo("1.2");
        assertThat(a.get("lead_seconds")).as("our detector was 20 s ahead of the post").isEqualTo(-20L);
        assertThat(((java.sql.Timestamp) a.get("confirmation_checked_at")).toInstant()).isEqualTo(checkedAt);
        Map<String, Object> b = confirmationOf(notReproducible);
        assertThat(b.get("confirmation")).isEqualTo("NOT_REPRODUCIBLE");
        assertThat((BigDecimal) b.get("our_spread_percent")).isEqualByComparingTo("0.4");
        assertThat(b.get("lead_seconds")).as("our detector opened nothing for CNFB").isNull();
        Map<String, Object> c = confirmationOf(noData);
        assertThat(c.get("confirmation")).isEqualTo("NO_MARKET_DATA");
        assertThat(c.get("our_spread_percent")).isNull();
        assertThat((BigDecimal) c.get("channel_spread_percent")).isEqualByComparingTo("2");

        ApiResponse scores = as(admin).get("/api/v1/telegram/channels");
        assertThat(scores.status()).isEqualTo(200);
        JsonNode channel = scores.json().path("channels").valueStream()
                .filter(node -> node.path("channel").asString().equals(String.valueOf(chat))).findFirst()
                .orElseThrow();
        assertThat(channel.path("title").asString()).isEqualTo("Checked channel");
        assertThat(channel.path("posts").asLong()).isEqualTo(4);
        assertThat(channel.path("parsed_share").asDouble()).isEqualTo(0.75);
        assertThat(channel.path("signals").asLong()).isEqualTo(3);
        assertThat(channel.path("checked").asLong()).isEqualTo(3);
        assertThat(channel.path("confirmed_share").asDouble()).isEqualTo(0.3333);
        assertThat(channel.path("not_reproducible").asLong()).isEqualTo(1);
        assertThat(channel.path("no_market_data").asLong()).isEqualTo(1);
        assertThat(channel.path("median_lead_seconds").asDouble()).isEqualTo(-20.0);
        assertThat(as(admin).get("/api/v1/telegram/channels?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z")
                .json().path("channels").valueStream()
                .noneMatch(node -> node.path("channel").asString().equals(String.valueOf(chat)))).isTrue();
        assertBad("/api/v1/telegram/channels?from=2026-12-07T00:00:00Z&to=2026-12-06T00:00:00Z", "to");

        assertThat(as(free).get("/api/v1/telegram/channels").status()).isEqualTo(403);
        assertThat(as(vip).get("/api/v1/telegram/channels").status()).isEqualTo(403);
        assertThat(new SignalsApi(port, Map.of()).get("/api/v1/telegram/channels").status()).isEqualTo(401);
    }

    SignalsApi as(AuthenticatedUser user) {
        return new SignalsApi(port, Map.of("Authorization", "Bearer " + ISSUER.token(user)));
    }

    void assertBad(String path, String field) {
        ApiResponse response = as(admin).get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(path).containsExactly(field);
    }

    UUID post(long chat, long messageId, Instant date, String text) {
        List<UUID> ids = postIds(chat, messageId, date, text);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    List<UUID> postIds(long chat, long messageId, Instant date, String text) {
        String update = "{\"update_id\": " + (chat * -10 + messageId) + ", \"channel_post\": {\"message_id\": "
                + messageId + ", \"chat\": {\"id\": " + chat + ", \"title\": \"Checked channel\", \"type\": "
                + "\"channel\"}, \"date\": " + date.getEpochSecond() + ", \"text\": \""
                + text.replace("\n", "\\n") + "\"}}";
        ApiResponse answer = new SignalsApi(port, Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET))
                .post("/api/v1/telegram/webhook", update);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("signal_ids").valueStream().map(id -> UUID.fromString(id.asString())).toList();
    }

    /**
     * The outcome ledger's row of a Telegram signal, as it writes it when the signal opens (kept if it did), under
     * {@code venueKey} or the signal's own ({@code tg:<chat>:<message>:<n>}).
     */
    void ledgerRow(UUID signalId, long chat, String venueKey) {
        StoredSignal signal = store.find(signalId).orElseThrow();
        jdbc.sql("INSERT INTO signal_outcomes (signal_id, kind, symbol, source, venue_key, channel, detected_at, "
                + "open_net_percent, updated_at) VALUES (?, ?, ?, 'TELEGRAM', ?, ?, ?, ?, ?) "
                + "ON CONFLICT (signal_id) DO NOTHING")
                .params(signalId, signal.data().kind(), signal.data().symbol(),
                        venueKey == null ? signal.venueKey() : venueKey,
                        String.valueOf(chat), java.sql.Timestamp.from(signal.data().detectedAt()),
                        signal.data().netSpreadPercent(), java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    Map<String, Object> confirmationOf(UUID signalId) {
        return jdbc.sql("SELECT confirmation, channel_spread_percent, our_spread_percent, confirmation_checked_at, "
                + "lead_seconds FROM signal_outcomes WHERE signal_id = ?").param(signalId).query().singleRow();
    }

    List<Map<String, Object>> rowsOf(String symbol) {
        return jdbc.sql("SELECT resolution, bucket, gross_min, gross_max, gross_last, net_min, net_max, net_last "
                + "FROM spread_series WHERE symbol = ? AND kind = 1 ORDER BY bucket, resolution").param(symbol)
                .query().listOfRows();
    }

    static JsonNode kind(JsonNode answer, String kind) {
        return answer.path("series").valueStream().filter(s -> s.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow();
    }

    static void assertPoint(JsonNode point, String t, double... values) {
        assertThat(point.path("t").asString()).isEqualTo(t);
        String[] names = { "gross_min", "gross_max", "gross_last", "net_min", "net_max", "net_last" };
        for (int i = 0; i < names.length; i++) {
            assertThat(point.path(names[i]).asDouble()).as(names[i]).isCloseTo(values[i], within(1e-4));
        }
    }

    static void assertRow(Map<String, Object> row, int resolution, String bucket, double... values) {
        assertThat(((Number) row.get("resolution")).intValue()).isEqualTo(resolution);
        assertThat(((java.sql.Timestamp) row.get("bucket")).toInstant()).isEqualTo(Instant.parse(bucket));
        String[] names = { "gross_min", "gross_max", "gross_last", "net_min", "net_max", "net_last" };
        for (int i = 0; i < names.length; i++) {
            assertThat(((Number) row.get(names[i])).doubleValue()).as(names[i]).isCloseTo(values[i], within(1e-4));
        }
    }

    /**
     * MEXC spot (100.0 / 100.1, taker 0.05 %) against MEXC perpetual (taker 0.02 %) priced so that buying spot and
     * shorting the perpetual has {@code grossPercent}; the net is 0.07 points lower.
     */
    MarketSnapshot spotFutures(String symbol, double grossPercent) {
        Instant at = clock.instant();
        BigDecimal perpBid = new BigDecimal("100.1").multiply(BigDecimal.ONE.add(BigDecimal.valueOf(grossPercent)
                .movePointLeft(2)));
        return MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                quote("mexc", "spot", new BigDecimal("100.0"), new BigDecimal("100.1"), "0.0005", null, at),
                quote("mexc", "perp", perpBid, perpBid.add(new BigDecimal("0.1")), "0.0002", "0.00001", at)),
                List.of(), List.of());
    }

    /** Three perpetuals: binance 0.01 %, bybit 0.03 %, gate 0.06 % per 8 h; gate's taker fee is 0.1 %. */
    MarketSnapshot funding(String symbol) {
        Instant at = clock.instant();
        BigDecimal price = new BigDecimal("50");
        return MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(
                quote("binance", "perp", price, price, "0.0002", "0.0001", at),
                quote("bybit", "perp", price, price, "0.0002", "0.0003", at),
                quote("gate", "perp", price, price, "0.001", "0.0006", at)), List.of(), List.of());
    }

    static MarketSnapshot.VenueQuote quote(String venue, String market, BigDecimal bid, BigDecimal ask, String taker,
            String ratePer8h, Instant at) {
        MarketSnapshot.Funding funding = ratePer8h == null ? null
                : new MarketSnapshot.Funding(new BigDecimal(ratePer8h), 8, new BigDecimal(ratePer8h),
                        new BigDecimal(ratePer8h).multiply(BigDecimal.valueOf(109500)), at.plusSeconds(3600));
        return new MarketSnapshot.VenueQuote(venue, market, bid, ask, BigDecimal.ONE, BigDecimal.ONE, bid,
                market.equals("perp") ? bid : null, null, new BigDecimal("1000000"), new BigDecimal(taker), funding,
                at);
    }
}
