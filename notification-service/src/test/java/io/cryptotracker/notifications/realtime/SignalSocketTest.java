package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.TestJwtIssuer;
import io.cryptotracker.notifications.NotificationApplication;
import io.cryptotracker.notifications.inbox.NotificationIds;
import io.cryptotracker.notifications.realtime.RealtimeMetrics.CloseReason;
import io.cryptotracker.notifications.users.UserDirectory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /ws/signals end to end on real servers: embedded Kafka and PostgreSQL, the service on Reactor Netty, real WebSocket
 * clients (java.net.http and a bare TCP one), and events published to Kafka as signals-service and user-service do.
 * One context for all (short ping, idle and ticket times); the two-replica test starts a second one beside it.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifications.ws.instance-id=replica-a", "notifications.ws.ping-interval=PT0.5S",
        "notifications.ws.idle-timeout=PT3S", "notifications.ws.ticket-ttl=PT2S", "notifications.ws.history-size=50",
        "notifications.ws.history-window=PT1S", "notifications.ws.socket-send-buffer=8192",
        "notifications.ws.close-timeout=PT10S" })
class SignalSocketTest {

    private static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    LiveConsumer live;

    @Autowired
    RealtimeMetrics metrics;

    @Autowired
    UserDirectory directory;

    @Autowired
    Environment environment;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ConcurrentMessageListenerContainer<Object, Object> liveConsumerContainer;

    SignalEvents events;

    @DynamicPropertySource
    static void verifyTokensOfTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
    }

    @BeforeAll
    static void pollQuickly() {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
    }

    @AfterAll
    static void pollAsUsual() {
        Awaitility.reset();
    }

    @BeforeEach
    void liveConsumerIsReading() {
        events = new SignalEvents(kafka);
        await().atMost(Duration.ofSeconds(20)).until(live::assigned);
    }

    @Test
    void aVipReceivesCreatedUpdatedClosedAndDeletedFramesWithSeqAndDataAndANotification() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(port, token(user, Tier.VIP))) {
            SignalData data = SignalEvents.signal("mexc-spot-futures", "BTC/USDT", "2.5");
            SignalCreated created = events.created(data);
            events.updated(data);
            events.closedEvent(data);
            events.deleted(data);

            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() == 4);
            List<JsonNode> signals = client.signals();
            assertThat(signals).extracting(frame -> frame.get("event").asString())
                    .containsExactly("created", "updated", "closed", "deleted");
            assertThat(client.signalSeqs()).isSorted().doesNotHaveDuplicates();
            assertThat(signals.get(0).get("seq").asLong()).isEqualTo(created.seq());
            assertThat(signals.get(0).get("id").asString()).isEqualTo(data.id().toString());
            assertThat(signals.get(0).get("data").get("symbol").asString()).isEqualTo("BTC/USDT");
            assertThat(signals.get(0).get("data").get("spread_percent").decimalValue())
                    .isEqualByComparingTo("2.5");
            assertThat(signals.get(2).get("data").get("status").asString()).isEqualTo("CLOSED");

            JsonNode notification = client.await(frame -> "notification".equals(frame.path("type").asString()));
            assertThat(notification.get("id").asString()).isEqualTo(NotificationIds.of(user, created.eventId())
                    .toString());
            assertThat(notification.get("signal_id").asString()).isEqualTo(data.id().toString());
            assertThat(notification.get("kind").asString()).isEqualTo("mexc-spot-futures");
            assertThat(notification.get("title").asString()).contains("BTC/USDT");
            assertThat(notification.get("browser").asBoolean()).isTrue();
            assertThat(notification.get("sound").asBoolean()).isTrue();
            assertThat(client.ofType("notification")).hasSize(1);
        }
    }

    @Test
    void everySignalFrameCarriesWhenItWasPublishedAndTheLatencyEndpointCountsItsFrames() throws Exception {
        String vip = token(UUID.randomUUID(), Tier.VIP);
        String free = token(UUID.randomUUID(), Tier.FREE);
        long framesBefore = JSON.readTree(get("/api/v1/notifications/latency", free).body()).path("frames").asLong();
        try (SocketClient client = SocketClient.connect(port, vip)) {
            SignalData data = SignalEvents.signal("funding-rate", "LAT/USDT", "1.4");
            SignalCreated created = events.created(data);

            JsonNode frame = client.await(signal -> data.id().toString().equals(signal.path("id").asString())
                    && "signal".equals(signal.path("type").asString()));
            Instant publishedAt = Instant.parse(frame.get("published_at").asString());
            assertThat(publishedAt).isAfterOrEqualTo(data.detectedAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(frame.get("event").asString()).isEqualTo("created");
            assertThat(frame.get("seq").asLong()).isEqualTo(created.seq());
            assertThat(Instant.parse(frame.get("data").get("detected_at").asString())).isEqualTo(data.detectedAt());
        }

        // the frame counts at once (released with the socket's), but count on it only once the endpoint shows it
        await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(get("/api/v1/notifications/latency", free)
                .body()).path("frames").asLong() > framesBefore);
        HttpResponse<String> answer = get("/api/v1/notifications/latency", free);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode latency = JSON.readTree(answer.body());
        assertThat(latency.path("window_seconds").asLong()).isEqualTo(3600);
        assertThat(latency.path("median_ms").isNumber()).as(answer.body()).isTrue();
        assertThat(latency.path("median_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(latency.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(latency.path("median_ms").asDouble());
        HttpResponse<String> anonymous = get("/api/v1/notifications/latency");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aSignalThatMustNotAlertIsListedWithoutANotificationFrame() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(port, token(user, Tier.VIP))) {
            SignalData stale = SignalEvents.signal("mexc-dex", "XYZ/USDT", "3.5")
                    .withExecution(new SignalData.Execution(SignalData.Execution.BOOK, Instant.now(), List.of(),
                            List.of(), null, null, false, List.of("TRANSFER_UNKNOWN")));
            SignalData alertable = SignalEvents.signal("mexc-dex", "XYZ/USDT", "2.5");
            events.created(stale);
            events.created(alertable);

            // frames go out in seq order: once the second's notification is here, the first's would have been too
            JsonNode notification = client.await(frame -> "notification".equals(frame.path("type").asString()));
            assertThat(notification.get("signal_id").asString()).isEqualTo(alertable.id().toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() == 2);
            assertThat(client.signals()).extracting(frame -> frame.get("id").asString())
                    .containsExactly(stale.id().toString(), alertable.id().toString());
            assertThat(client.signals().get(0).get("data").get("execution").get("alertable").asBoolean()).isFalse();
            assertThat(client.ofType("notification")).hasSize(1);
        }
    }

    @Test
    void aRecordThatIsNoEventIsSkippedAndTheFeedGoesOnWithoutReplayingTheBatch() {
        assertThat(liveConsumerContainer.getCommonErrorHandler()).as("the live feed's own error handler, not the "
                + "shared retry-until-handled one").isInstanceOf(CommonLoggingErrorHandler.class);
        try (SocketClient client = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP))) {
            kafka.send(Topics.SIGNALS, "poison", "{not an event");
            SignalData data = SignalEvents.signal("funding-rate", "ETH/USDT", "1.5");
            events.created(data);

            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() == 1);
            assertThat(client.signals().get(0).get("id").asString()).isEqualTo(data.id().toString());
        }
    }

    @Test
    void noCredentialsAreRefused401AndAFreeTokenIs403BeforeTheUpgrade() throws Exception {
        try (RawSocket none = RawSocket.open(port, "/ws/signals", Map.of(), 0)) {
            assertThat(none.status).isEqualTo(401);
            assertThat(none.header("Content-Type")).startsWith("application/problem+json");
            assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(none.body).contains("\"status\":401");
        }
        try (RawSocket bad = RawSocket.open(port, "/ws/signals", Map.of("Authorization", "Bearer not.a.token"), 0)) {
            assertThat(bad.status).isEqualTo(401);
        }
        String free = token(UUID.randomUUID(), Tier.FREE);
        try (RawSocket refused = RawSocket.open(port, "/ws/signals", Map.of("Authorization", "Bearer " + free), 0)) {
            assertThat(refused.status).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body).contains("\"status\":403").contains("VIP");
        }
        try (RawSocket unknownTicket = RawSocket.open(port, "/ws/signals?ticket=nope", Map.of(), 0)) {
            assertThat(unknownTicket.status).isEqualTo(401);
            assertThat(unknownTicket.body).contains("ticket");
        }
        assertThat(post("/api/v1/notifications/ws-ticket", free).statusCode()).isEqualTo(403);
    }

    @Test
    void aTicketOpensTheSocketOnceAndExpires() throws Exception {
        UUID user = UUID.randomUUID();
        String vip = token(user, Tier.VIP);
        HttpResponse<String> issued = post("/api/v1/notifications/ws-ticket", vip);
        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(issued.body());
        String ticket = body.get("ticket").asString();
        assertThat(Instant.parse(body.get("expires_at").asString())).isAfter(Instant.now());

        HttpResponse<String> check = get("/internal/v1/ws-tickets/" + ticket);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(check.body()).get("user_id").asString()).isEqualTo(user.toString());

        try (SocketClient client = SocketClient.connectWithTicket(port, ticket)) {
            SignalData data = SignalEvents.signal("funding-rate", "ETH/USDT", "3");
            events.created(data);
            client.await(frame -> "signal".equals(frame.path("type").asString()));
        }
        try (RawSocket again = RawSocket.open(port, "/ws/signals?ticket=" + ticket, Map.of(), 0)) {
            assertThat(again.status).isEqualTo(401);
        }
        assertThat(get("/internal/v1/ws-tickets/" + ticket).statusCode()).isEqualTo(404);

        String unused = JSON.readTree(post("/api/v1/notifications/ws-ticket", vip).body()).get("ticket").asString();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/internal/v1/ws-tickets/" + unused).statusCode() == 404);
        try (RawSocket expired = RawSocket.open(port, "/ws/signals?ticket=" + unused, Map.of(), 0)) {
            assertThat(expired.status).isEqualTo(401);
        }
    }

    @Test
    void filtersDefaultToThePreferencesAndFollowSubscribe() {
        UUID user = UUID.randomUUID();
        events.send(PreferencesChanged.of(user, new PreferencesChanged.Channels(true, false, false),
                List.of("funding-rate", "mexc-dex"), new BigDecimal("2.0"), List.of(), List.of("DOGE/USDT"), null,
                "UTC"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(user)
                .map(view -> view.prefs().minSpreadPercent().compareTo(new BigDecimal("2.0")) == 0).orElse(false));

        try (SocketClient client = SocketClient.connect(port, token(user, Tier.VIP))) {
            events.created(SignalEvents.signal("mexc-spot-futures", "BTC/USDT", "5"));  // kind not wanted
            events.created(SignalEvents.signal("funding-rate", "BTC/USDT", "1.5"));     // below 2 %
            events.created(SignalEvents.signal("funding-rate", "DOGE/USDT", "5"));      // denied
            SignalCreated wanted = events.created(SignalEvents.signal("funding-rate", "SOL/USDT", "2.5"));
            SignalCreated dex = events.created(SignalEvents.signal("mexc-dex", "PEPE/USDT", "4"));

            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() >= 2);
            assertThat(client.signalSeqs()).containsExactly(wanted.seq(), dex.seq());
            JsonNode notification = client.await(frame -> "notification".equals(frame.path("type").asString()));
            assertThat(notification.get("browser").asBoolean()).isTrue();
            assertThat(notification.get("sound").asBoolean()).isFalse();

            client.send("{\"type\":\"subscribe\",\"kinds\":[\"mexc-spot-futures\"],\"symbols\":[\"btcusdt\"]}");
            client.send("{\"type\":\"ping\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> !client.ofType("pong").isEmpty());
            events.created(SignalEvents.signal("mexc-spot-futures", "ETH/USDT", "5"));           // not BTC
            SignalCreated btc = events.created(SignalEvents.signal("mexc-spot-futures", "BTC/USDT", "2.1"));
            events.created(SignalEvents.signal("mexc-spot-futures", "BTC/USDT", "1.0"));         // below prefs' 2 %

            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() >= 3);
            SignalCreated marker = events.created(SignalEvents.signal("mexc-spot-futures", "BTC/USDT", "9"));
            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() >= 4);
            assertThat(client.signalSeqs()).containsExactly(wanted.seq(), dex.seq(), btc.seq(), marker.seq());

            client.send("{\"type\":\"subscribe\",\"kinds\":\"all\"}");
            client.await(frame -> "error".equals(frame.path("type").asString()));
            assertThat(client.ofType("error").get(0).get("code").asString()).isEqualTo("bad_request");
        }
    }

    @Test
    void resumeReplaysExactlyTheMissedFramesInSeqOrder() {
        UUID user = UUID.randomUUID();
        String token = token(user, Tier.VIP);
        long lastSeen;
        try (SocketClient first = SocketClient.connect(port, token)) {
            SignalCreated seen = events.created(SignalEvents.signal("mexc-dex", "ARB/USDT", "3"));
            first.await(frame -> frame.path("seq").asLong() == seen.seq());
            lastSeen = seen.seq();
        }
        List<Long> missed = new ArrayList<>();
        SignalData moving = SignalEvents.signal("mexc-dex", "ARB/USDT", "3.5");
        missed.add(events.created(moving).seq());
        missed.add(events.updated(moving).seq());
        missed.add(events.closedEvent(moving).seq());
        await().atMost(Duration.ofSeconds(10)).until(() -> live.assigned() && historyHas(missed.get(2)));

        try (SocketClient back = SocketClient.connect(port, token)) {
            back.send("{\"type\":\"resume\",\"after_seq\":" + lastSeen + "}");
            await().atMost(Duration.ofSeconds(10)).until(() -> back.signals().size() >= 3);
            SignalCreated live = events.created(SignalEvents.signal("mexc-dex", "ARB/USDT", "4"));
            await().atMost(Duration.ofSeconds(10)).until(() -> back.signals().size() >= 4);
            List<Long> expected = new ArrayList<>(missed);
            expected.add(live.seq());
            assertThat(back.signalSeqs()).containsExactlyElementsOf(expected);
            assertThat(back.ofType("error")).isEmpty();
        }
    }

    @Test
    void resumeFromBeforeTheHistoryAnswersResumeGapThenEverythingKept() {
        UUID user = UUID.randomUUID();
        long before = SignalEvents.nextSeq();
        List<SignalUpdated> many = new ArrayList<>();
        SignalData data = SignalEvents.signal("funding-rate", "GAP/USDT", "2");
        for (int i = 0; i < 60; i++) {
            many.add(SignalUpdated.of(SignalEvents.nextSeq(), data, Instant.now()));
        }
        events.sendAll(many);
        long last = many.get(59).seq();
        await().atMost(Duration.ofSeconds(10)).until(() -> historyHas(last));

        try (SocketClient client = SocketClient.connect(port, token(user, Tier.VIP))) {
            client.send("{\"type\":\"resume\",\"after_seq\":" + before + "}");
            JsonNode gap = client.await(frame -> "error".equals(frame.path("type").asString()));
            assertThat(gap.get("code").asString()).isEqualTo("resume_gap");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() >= 50);
            assertThat(client.signalSeqs()).isSorted().hasSize(50).last().isEqualTo(last);
            assertThat(client.frames().indexOf(gap)).isZero();
        }
    }

    @Test
    void framesFromDifferentPartitionsAreDeliveredInSeqOrder() {
        assertThat(events.signalPartitions()).isGreaterThan(1);
        try (SocketClient client = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP))) {
            SignalData data = SignalEvents.signal("mexc-spot-futures", "ORD/USDT", "2");
            long first = SignalEvents.nextSeq();
            long second = SignalEvents.nextSeq();
            long third = SignalEvents.nextSeq();
            events.send(SignalUpdated.of(third, data, Instant.now()), 0);
            events.send(SignalUpdated.of(second, data, Instant.now()), 1);
            events.send(SignalUpdated.of(first, data, Instant.now()), 0);

            await().atMost(Duration.ofSeconds(10)).until(() -> client.signals().size() >= 3);
            assertThat(client.signalSeqs()).containsExactly(first, second, third);
        }
    }

    @Test
    void aSlowReaderIsClosedWith1013WhileANormalClientKeepsReceiving() throws Exception {
        UUID user = UUID.randomUUID();
        String token = token(user, Tier.VIP);
        double slowBefore = metrics.closedCount(CloseReason.SLOW_READER);
        try (SocketClient normal = SocketClient.connect(port, token);
                RawSocket slow = RawSocket.open(port, "/ws/signals", Map.of("Authorization", "Bearer " + token),
                        4096)) {
            assertThat(slow.status).isEqualTo(101);
            SignalData data = SignalEvents.signal("mexc-spot-futures", "SLOW/USDT", "2");
            List<SignalUpdated> burst = new ArrayList<>();
            // ~70 KB: more than the slow socket's kernel buffers (8 KB send, 4 KB receive, both doubled) and its 32
            // queued frames hold, well within what the normal client's default 128 KB receive buffer absorbs
            for (int i = 0; i < 120; i++) {
                burst.add(SignalUpdated.of(SignalEvents.nextSeq(), data, Instant.now()));
            }
            events.sendAll(burst);

            await().atMost(Duration.ofSeconds(20)).until(() -> normal.signals().size() >= 120);
            assertThat(normal.closeCode()).isNotDone();
            assertThat(slow.readUntilClose()).isEqualTo(1013);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metrics.closedCount(CloseReason.SLOW_READER) > slowBefore);
        }
    }

    @Test
    void aUserDowngradedToFreeIsDisconnectedWith4403AndCannotReconnect() throws Exception {
        UUID user = UUID.randomUUID();
        String token = token(user, Tier.VIP);
        try (SocketClient client = SocketClient.connect(port, token)) {
            events.send(SubscriptionChanged.of(user, "FREE", "ENDED", "FREE", Instant.now().minusSeconds(3600), null,
                    false), null);
            assertThat(client.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4403);
        }
        try (RawSocket again = RawSocket.open(port, "/ws/signals", Map.of("Authorization", "Bearer " + token), 0)) {
            assertThat(again.status).isEqualTo(403);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.closedCount(CloseReason.DOWNGRADED) >= 1);
    }

    @Test
    void aFrameSentTheMomentTheSocketOpensIsNeverLost() {
        String token = token(UUID.randomUUID(), Tier.VIP);
        for (int i = 0; i < 30; i++) {
            // connect() sends a ping as soon as the handshake is done and waits for the pong
            SocketClient.connect(port, token).close();
        }
    }

    @Test
    void aJsonPingIsAnsweredWithPongAndAnUnknownFrameWithAnError() {
        try (SocketClient client = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP))) {
            client.send("{\"type\":\"ping\"}");
            client.await(frame -> "pong".equals(frame.path("type").asString()));
            client.send("hello");
            JsonNode error = client.await(frame -> "error".equals(frame.path("type").asString()));
            assertThat(error.get("code").asString()).isEqualTo("bad_request");
            client.send("{\"type\":\"resume\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("error").size() == 2);
        }
    }

    @Test
    void aSocketSilentForTheIdleTimeoutIsPingedThenClosedWhileOneAnsweringPingsStays() throws Exception {
        double idleBefore = metrics.closedCount(CloseReason.IDLE);
        try (SocketClient answering = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP));
                RawSocket silent = RawSocket.open(port, "/ws/signals",
                        Map.of("Authorization", "Bearer " + token(UUID.randomUUID(), Tier.VIP)), 0)) {
            assertThat(silent.status).isEqualTo(101);
            assertThat(silent.readFrame().opcode()).isEqualTo(0x9);
            long start = System.nanoTime();
            assertThat(silent.readUntilClose()).isEqualTo(1001);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            // java.net.http answers protocol pings by itself: that is activity enough
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> !answering.closeCode().isDone());
            answering.send("{\"type\":\"ping\"}");
            answering.await(frame -> "pong".equals(frame.path("type").asString()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.closedCount(CloseReason.IDLE) > idleBefore);
    }

    @Test
    void twoReplicasEachDeliverEverySignalOnceToTheirOwnClients() {
        try (ConfigurableApplicationContext replicaB = secondReplica()) {
            int portB = Integer.parseInt(replicaB.getEnvironment().getProperty("local.server.port"));
            LiveConsumer liveB = replicaB.getBean(LiveConsumer.class);
            await().atMost(Duration.ofSeconds(30)).until(liveB::assigned);
            assertThat(liveB.groupId()).isNotEqualTo(live.groupId()).endsWith("replica-b");

            UUID user = UUID.randomUUID();
            String token = token(user, Tier.VIP);
            try (SocketClient onA = SocketClient.connect(port, token);
                    SocketClient onB = SocketClient.connect(portB, token)) {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    seqs.add(events.created(SignalEvents.signal("mexc-dex", "TWO/USDT", "3")).seq());
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> onA.signalSeqs().containsAll(seqs) && onB.signalSeqs().containsAll(seqs));
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> onA.signals().size() == 5 && onB.signals().size() == 5);
                assertThat(onA.signalSeqs()).containsExactlyElementsOf(seqs);
                assertThat(onB.signalSeqs()).containsExactlyElementsOf(seqs);
                assertThat(onA.ofType("notification")).hasSize(5);
                assertThat(onB.ofType("notification")).hasSize(5);
            }
        }
    }

    /**
     * Issue 12, point 9: a replica killed with SIGKILL (no close frame, its LIVE consumer never closed) while signals
     * go on; a new replica starts, and the client – resuming the moment its socket opens, before the new replica has
     * read Kafka up to where it stood at start – gets exactly what it missed, then live frames, in seq order.
     */
    @Test
    void aClientResumingOnAReplicaThatJustStartedAfterAKillGetsWhatWasPublishedWhileNoneRanThenLiveFrames()
            throws Exception {
        UUID user = UUID.randomUUID();
        String token = token(user, Tier.VIP);
        long lastSeen;
        // the same instance id before and after, as a container restarted in its pod has: the new LIVE consumer
        // joins a group whose dead member is only dropped when its session times out
        String instanceId = "replica-restarted-" + UUID.randomUUID();
        List<String> arguments = new ArrayList<>(replicaArguments(instanceId, "PT1H"));
        arguments.removeIf(argument -> argument.startsWith("--server.port="));
        // its shared consumers would leave a dead member in group notification-service for the session timeout
        arguments.add("--spring.kafka.listener.auto-startup=false");
        // the broker's shortest session: the new replica still holds the resume until the dead member is dropped
        arguments.add("--spring.kafka.consumer.properties.session.timeout.ms=6000");
        arguments.add("--spring.kafka.consumer.properties.heartbeat.interval.ms=1000");
        try (ReplicaProcess killed = ReplicaProcess.start("replica-killed", arguments)) {
            SocketClient onKilled = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        assertThat(killed.alive()).as("replica process, see %s", killed.log).isTrue();
                        return SocketClient.connect(killed.port, token);
                    }, client -> true);
            try (onKilled) {
                SignalData probe = SignalEvents.signal("mexc-dex", "KILL/USDT", "3");
                // its LIVE consumer reads once a signal published now reaches the socket
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> events.updated(probe) != null && !onKilled.signals().isEmpty());
                SignalCreated seen = events.created(SignalEvents.signal("mexc-dex", "KILL/USDT", "3"));
                onKilled.await(frame -> frame.path("seq").asLong() == seen.seq());
                lastSeen = seen.seq();

                killed.kill();
                // no close frame: the connection just drops (1006)
                assertThat(onKilled.closeCode().handle((code, error) -> error != null || code == 1006)
                        .get(10, TimeUnit.SECONDS)).isTrue();
            }
        }

        List<Long> expected = new ArrayList<>();
        SignalData moving = SignalEvents.signal("mexc-dex", "KILL/USDT", "3.5");
        expected.add(events.created(moving).seq());
        expected.add(events.updated(moving).seq());
        expected.add(events.closedEvent(moving).seq());

        try (ConfigurableApplicationContext restarted = replica(instanceId, "PT1H")) {
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            try (SocketClient back = SocketClient.open(restartedPort, token)) {
                back.send("{\"type\":\"resume\",\"after_seq\":" + lastSeen + "}");
                // the pong proves the server has read the resume: a live frame that reaches a socket before its resume
                // is read may come before the replay (docs/websocket.md), which is not what this test is about
                back.send("{\"type\":\"ping\"}");
                back.await(frame -> "pong".equals(frame.path("type").asString()));
                // published while the new replica is still catching up: held back for the replay, then sent after it
                SignalCreated meanwhile = events.created(SignalEvents.signal("mexc-dex", "KILL/USDT", "4"));
                expected.add(meanwhile.seq());

                await().atMost(Duration.ofSeconds(90)).until(() -> back.signals().size() >= 4
                        || !back.ofType("error").isEmpty());
                assertThat(back.ofType("error")).isEmpty();
                SignalCreated live = events.created(SignalEvents.signal("mexc-dex", "KILL/USDT", "5"));
                expected.add(live.seq());
                await().atMost(Duration.ofSeconds(10)).until(() -> back.signals().size() >= 5);
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> back.signals().size() == 5);
                assertThat(back.signalSeqs()).containsExactlyElementsOf(expected);
                assertThat(back.ofType("error")).isEmpty();
                // what was read again at start is kept for resume only; signals created since get their notification
                assertThat(back.ofType("notification")).extracting(frame -> frame.get("signal_id").asString())
                        .containsExactly(meanwhile.signalId().toString(), live.signalId().toString());
            }
        }
    }

    @Test
    void theSocketMetricsAreExposed() throws Exception {
        try (SocketClient client = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP))) {
            events.created(SignalEvents.signal("mexc-dex", "MET/USDT", "3"));
            client.await(frame -> "signal".equals(frame.path("type").asString()));
            String prometheus = get("/actuator/prometheus").body();
            assertThat(prometheus).contains("notifications_ws_connections{")
                    .contains("notifications_ws_connections_opened_total")
                    .contains("notifications_ws_connections_closed_total{")
                    .contains("reason=\"slow_reader\"")
                    .contains("notifications_ws_frames_sent_total{")
                    .contains("type=\"signal\"")
                    .contains("notifications_signal_delivery_seconds_bucket");
        }
    }

    /**
     * Issue 17: the sockets run on Netty's native epoll transport where it exists (Linux x86_64, the production
     * platform): this fails when {@code netty-transport-native-epoll:linux-x86_64} goes missing from the jar's
     * classpath or cannot load, and the sockets silently fall back to NIO.
     */
    @Test
    void onLinuxX8664TheSocketsRunOnTheNativeEpollTransport() throws Exception {
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && ("amd64".equals(arch) || "x86_64".equals(arch)), "the native transport is built for Linux x86_64");
        try (SocketClient client = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP))) {
            client.send("{\"type\":\"ping\"}");
            client.await(frame -> "pong".equals(frame.path("type").asString()));
            String prometheus = get("/actuator/prometheus").body();
            assertThat(prometheus).containsPattern("notifications_ws_transport\\{[^}]*transport=\"epoll\"[^}]*} [1-9]")
                    .doesNotContainPattern("notifications_ws_transport\\{[^}]*transport=\"nio\"[^}]*} [1-9]");
        }
    }

    @Test
    void aSocketSessionIsTimedUnderItsPathSoLatencyPanelsCanLeaveItOut() throws Exception {
        try (SocketClient client = SocketClient.connect(port, token(UUID.randomUUID(), Tier.VIP))) {
            client.send("{\"type\":\"ping\"}");
            client.await(frame -> "pong".equals(frame.path("type").asString()));
        }

        // a session ends as an HTTP exchange that lasted as long as the socket: it must not count as an unknown URI
        await().untilAsserted(() -> assertThat(get("/actuator/prometheus").body()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/ws/signals\""));
    }

    private boolean historyHas(long seq) {
        return live != null && liveHistory().contains(seq);
    }

    @Autowired
    SocketFanout fanout;

    private SignalHistory liveHistory() {
        return fanout.history();
    }

    private ConfigurableApplicationContext secondReplica() {
        return replica("replica-b", "PT1S");
    }

    private ConfigurableApplicationContext replica(String instanceId, String historyWindow) {
        // command-line arguments: above application.yml, as the test context's own properties are
        return new SpringApplicationBuilder(NotificationApplication.class)
                .run(replicaArguments(instanceId, historyWindow).toArray(String[]::new));
    }

    /** Another replica on the same Kafka and database: port 0, its own LIVE group, no shared consumers of its own. */
    private List<String> replicaArguments(String instanceId, String historyWindow) {
        return List.of(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--eureka.client.enabled=false", "--eureka.client.register-with-eureka=false",
                "--eureka.client.fetch-registry=false",
                "--spring.cloud.service-registry.auto-registration.enabled=false",
                "--cryptotracker.security.jwks-uri=" + ISSUER.jwksUri(),
                "--notifications.ws.instance-id=" + instanceId, "--notifications.ws.history-window=" + historyWindow);
    }

    private static String token(UUID user, Tier tier) {
        return ISSUER.token(new AuthenticatedUser(user, user + "@example.com", tier, Set.of("USER")));
    }

    private HttpResponse<String> post(String path, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
