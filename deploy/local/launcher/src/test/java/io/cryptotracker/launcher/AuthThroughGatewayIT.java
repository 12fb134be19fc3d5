package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.cryptotracker.testsupport.JsonFrames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end through the packaged jars: embedded PostgreSQL, Redis and Kafka, then discovery, the gateway,
 * auth-service, user-service and notification-service each in its own JVM on free ports, exactly as the local
 * launcher runs them; a user registers, logs in and refreshes through the gateway, a protected route without a token
 * is refused, and the user's profile, preferences, VIP grant by the configured first admin (reaching the next
 * refreshed token through Kafka) and audit log work across the services. That VIP user then opens the live socket
 * {@code /ws/signals} through the gateway (bearer and one-time ticket; FREE and anonymous upgrades refused before the
 * upgrade), gets a signal published to Kafka as signals-service would and its notification, and is disconnected with
 * 4403 when the admin sets the plan back to FREE.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthThroughGatewayIT {

    // the signal frames of the live socket wait for notification-service's LIVE consumer to get its partitions
    private static final Duration LIVE_DELIVERY = Duration.ofSeconds(60);

    private static final String ADMIN_EMAIL = SuiteUnderTest.ADMIN_EMAIL;
    private static final String ADMIN_PASSWORD = SuiteUnderTest.ADMIN_PASSWORD;

    // below the gateway's per-address credentials burst (10), so auth-service's own address lock is what answers
    private static final int ADDRESS_FAILURES_THAT_LOCK = 5;

    private static SuiteUnderTest suite;
    private static HttpClient http;
    private static EmbeddedServers infrastructure;
    private static String gatewayUrl;
    /** The user whom the VIP grant test made VIP, for the live socket test after it. */
    private static VipUser vip;

    @BeforeAll
    static void startInfrastructureDiscoveryGatewayAuthUserAndNotificationService() {
        suite = SuiteUnderTest.with(SuiteService.GATEWAY, SuiteService.AUTH_SERVICE, SuiteService.USER_SERVICE,
                        SuiteService.NOTIFICATION_SERVICE)
                .adjust(SuiteService.AUTH_SERVICE, spec -> spec.withJvmOptions(List.of(
                        "-Dcryptotracker.auth.login-throttle.ip-threshold=" + ADDRESS_FAILURES_THAT_LOCK)))
                .start("auth-through-gateway");
        http = suite.http();
        infrastructure = suite.infrastructure();
        gatewayUrl = suite.gatewayUrl();
        suite.awaitGatewayRoutesToAuthService();
    }

    @AfterAll
    static void stopEverything() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aUserRegistersLogsInAndRefreshesTokensThroughTheGateway() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "e2e-" + suffix + "@example.com";
        String password = "amber lantern over quiet harbour " + suffix.toUpperCase();

        HttpResponse<String> registered = post("/api/v1/auth/register",
                json("email", email, "username", "e2e_" + suffix, "password", password));
        assertThat(registered.statusCode()).as("register: %s", registered.body()).isEqualTo(201);

        HttpResponse<String> login = post("/api/v1/auth/login", json("email", email, "password", password));
        assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
        JsonNode tokens = JsonMapper.shared().readTree(login.body());
        assertTokenPair(tokens);

        HttpResponse<String> refresh = post("/api/v1/auth/refresh",
                json("refresh_token", tokens.path("refresh_token").asString()));
        assertThat(refresh.statusCode()).as("refresh: %s", refresh.body()).isEqualTo(200);
        JsonNode rotated = JsonMapper.shared().readTree(refresh.body());
        assertTokenPair(rotated);
        assertThat(rotated.path("refresh_token").asString()).isNotEqualTo(tokens.path("refresh_token").asString());
        assertThat(rotated.path("access_token").asString()).isNotEqualTo(tokens.path("access_token").asString());
    }

    @Test
    void aProtectedRouteWithoutATokenIsRefusedWith401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/users/me"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("GET /api/v1/users/me without a token: %s", response.body())
                .isEqualTo(401);
    }

    @Test
    @Order(1)
    void profilePreferencesAVipGrantByTheFirstAdminAndTheAuditLogWorkAcrossTheServices() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "vip-" + suffix + "@example.com";
        String password = "copper kettle under moonlight " + suffix.toUpperCase();
        HttpResponse<String> registered = post("/api/v1/auth/register",
                json("email", email, "username", "vip_" + suffix, "password", password));
        assertThat(registered.statusCode()).as("register: %s", registered.body()).isEqualTo(201);
        String userId = JsonMapper.shared().readTree(registered.body()).path("id").asString();
        JsonNode tokens = login(email, password);
        String access = tokens.path("access_token").asString();

        // defaults at once, whether or not UserRegistered has reached user-service yet
        HttpResponse<String> meResponse = await("user-service answers /users/me through the gateway")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> call("GET", "/api/v1/users/me", access, null), response -> response.statusCode() == 200);
        JsonNode me = JsonMapper.shared().readTree(meResponse.body());
        assertThat(me.path("id").asString()).isEqualTo(userId);
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("tier").asString()).isEqualTo("FREE");
        assertThat(me.path("subscription").path("plan").asString()).isEqualTo("FREE");
        assertThat(me.path("roles").toString()).isEqualTo("[\"USER\"]");
        HttpResponse<String> badPreferences = call("PUT", "/api/v1/users/me/preferences", access,
                "{\"kinds\": [\"lottery\"], \"timezone\": \"Europe/Berlin\"}");
        assertThat(badPreferences.statusCode()).as(badPreferences.body()).isEqualTo(400);
        assertThat(badPreferences.body()).contains("\"field\":\"kinds[0]\"");
        HttpResponse<String> preferences = call("PUT", "/api/v1/users/me/preferences", access,
                "{\"symbols_allow\": [\"btcusdt\"], \"channels\": {\"email\": true}}");
        assertThat(preferences.statusCode()).as(preferences.body()).isEqualTo(200);
        assertThat(preferences.body()).contains("\"symbols_allow\":[\"BTC/USDT\"]");

        String adminAccess = login(ADMIN_EMAIL, ADMIN_PASSWORD).path("access_token").asString();
        assertThat(claims(adminAccess).path("roles").toString()).contains("ADMIN");
        HttpResponse<String> refused = call("PUT", "/api/v1/admin/users/" + userId + "/subscription", access,
                "{\"plan\": \"VIP\", \"expires_at\": \"2099-01-01T00:00:00Z\"}");
        assertThat(refused.statusCode()).as("a user on the admin path: %s", refused.body()).isEqualTo(403);
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> granted = call("PUT", "/api/v1/admin/users/" + userId + "/subscription", adminAccess,
                "{\"plan\": \"VIP\", \"expires_at\": \"" + until + "\"}");
        assertThat(granted.statusCode()).as("admin grants VIP: %s", granted.body()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(granted.body()).path("tier").asString()).isEqualTo("VIP");

        // SubscriptionChanged travels outbox -> Kafka -> auth-service; the next refresh then says VIP
        String[] refreshToken = { tokens.path("refresh_token").asString() };
        String vipAccess = await("a refreshed access token with tier VIP").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    HttpResponse<String> refresh = post("/api/v1/auth/refresh", json("refresh_token", refreshToken[0]));
                    assertThat(refresh.statusCode()).as("refresh: %s", refresh.body()).isEqualTo(200);
                    JsonNode pair = JsonMapper.shared().readTree(refresh.body());
                    refreshToken[0] = pair.path("refresh_token").asString();
                    return pair.path("access_token").asString();
                }, token -> claims(token).path("tier").asString().equals("VIP"));

        await("the login, preference and plan changes in the user's audit log").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> audit = call("GET", "/api/v1/users/me/audit", vipAccess, null);
                    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
                    List<String> actions = new ArrayList<>();
                    JsonMapper.shared().readTree(audit.body()).path("items")
                            .forEach(item -> actions.add(item.path("action").asString()));
                    assertThat(actions).contains("LOGIN_SUCCEEDED", "PREFERENCES_CHANGED", "PLAN_CHANGED");
                });
        HttpResponse<String> adminsAudit = call("GET", "/api/v1/users/me/audit", adminAccess, null);
        assertThat(adminsAudit.body()).as("another user's entries stay theirs").doesNotContain("PREFERENCES_CHANGED");
        vip = new VipUser(userId, access, vipAccess, adminAccess);
    }

    /**
     * The gateway decides the client address (the socket peer here: no trusted proxy in front) and auth-service
     * believes only that: a claimed {@code X-Forwarded-For} changes neither the audited address nor the throttled
     * one, and one address locked by its failures leaves every other address's login working.
     */
    @Test
    void theClientAddressIsDecidedAtTheGatewayForTheLoginThrottleAndTheAuditLog() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "addr-" + suffix + "@example.com";
        String password = "granite meadow at dawn " + suffix.toUpperCase();
        assertThat(post("/api/v1/auth/register", json("email", email, "username", "addr_" + suffix,
                "password", password)).statusCode()).isEqualTo(201);

        assertThat(postFrom("127.0.0.4", "/api/v1/auth/login", json("email", email, "password", "not it at all"),
                "X-Forwarded-For: 203.0.113.66", "X-Real-IP: 203.0.113.67")).isEqualTo(401);
        String access = login(email, password).path("access_token").asString();
        await("the failed login in the user's audit log").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode items = JsonMapper.shared().readTree(
                            call("GET", "/api/v1/users/me/audit", access, null).body()).path("items");
                    List<String> failedFrom = new ArrayList<>();
                    items.forEach(item -> {
                        if (item.path("action").asString().equals("LOGIN_FAILED")) {
                            failedFrom.add(item.path("ip").asString());
                        }
                    });
                    assertThat(failedFrom).as("audited address of the failed login").containsExactly("127.0.0.4");
                });

        for (int i = 0; i < ADDRESS_FAILURES_THAT_LOCK; i++) {
            assertThat(postFrom("127.0.0.2", "/api/v1/auth/login",
                    json("email", "nobody-" + i + "-" + suffix + "@example.com", "password", "wrong guess " + i),
                    "X-Forwarded-For: 198.51.100." + i)).as("failure %d", i + 1).isEqualTo(401);
        }
        assertThat(postFrom("127.0.0.2", "/api/v1/auth/login", json("email", email, "password", password),
                "X-Forwarded-For: 198.51.100.200")).as("the locked address, whatever it claims").isEqualTo(429);

        assertThat(postFrom("127.0.0.3", "/api/v1/auth/login", json("email", email, "password", password)))
                .as("another client address").isEqualTo(200);
        assertThat(post("/api/v1/auth/login", json("email", email, "password", password)).statusCode())
                .as("yet another (127.0.0.1)").isEqualTo(200);
    }

    /** docs/websocket.md through the gateway, with the VIP user of the test before (its allow list: BTC/USDT). */
    @Test
    @Order(2)
    void aVipSocketThroughTheGatewayGetsLiveSignalsUntilTheAdminSetsThePlanBackToFree() throws Exception {
        assertThat(vip).as("the VIP user of the grant test, which runs first").isNotNull();

        // refused before the upgrade
        assertThat(refusedHandshake("/ws/signals", null)).as("no credentials").isEqualTo(401);
        assertThat(refusedHandshake("/ws/signals", vip.freeAccess())).as("a FREE token").isEqualTo(403);

        // a one-time ticket (the gateway routes to notification-service once its registry has it)
        HttpResponse<String> issued = await("a ws-ticket from notification-service through the gateway")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> call("POST", "/api/v1/notifications/ws-ticket", vip.vipAccess(), null),
                        response -> response.statusCode() != 503 && response.statusCode() != 502);
        assertThat(issued.statusCode()).as("ws-ticket: %s", issued.body()).isEqualTo(200);
        String ticket = JsonMapper.shared().readTree(issued.body()).path("ticket").asString();
        assertThat(ticket).isNotBlank();

        try (LiveSocket byTicket = LiveSocket.open(gatewayWs("/ws/signals?ticket=" + ticket), null);
                LiveSocket byBearer = LiveSocket.open(gatewayWs("/ws/signals"), vip.vipAccess())) {
            assertThat(refusedHandshake("/ws/signals?ticket=" + ticket, null)).as("a used ticket").isEqualTo(401);

            // exactly as signals-service publishes: the event's JSON keyed by the signal id
            Instant now = Instant.now();
            SignalData.Execution execution = new SignalData.Execution(SignalData.Execution.BOOK, now, List.of(
                    new SignalData.Leg("BUY", "mexc", "spot", new BigDecimal("97000.1"), now, 120, false),
                    new SignalData.Leg("SELL", "mexc", "perp", new BigDecimal("99280.5"), now, 90, false)),
                    List.of(new SignalData.SizeQuote(new BigDecimal("1000"), null, new BigDecimal("97000.1"),
                            new BigDecimal("99280.5"), new BigDecimal("2.35"), new BigDecimal("2.35"),
                            new BigDecimal("0.14"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                            new BigDecimal("0.01"), new BigDecimal("2.22"), new BigDecimal("22.2"),
                            new BigDecimal("1.4"), null)),
                    new BigDecimal("41250"), null, true, List.of());
            SignalData data = new SignalData(UUID.randomUUID(), SignalData.MEXC_SPOT_FUTURES, "BTC/USDT",
                    new BigDecimal("2.35"), new BigDecimal("2.22"), new BigDecimal("2.35"), "OPEN", "DETECTOR", now,
                    now, null, null, null, null, execution);
            SignalCreated created = SignalCreated.of(System.currentTimeMillis() * 1000, data, now);
            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>(Topics.SIGNALS, created.partitionKey(), EventJson.write(created)))
                        .get(10, TimeUnit.SECONDS);
            }

            // the LIVE consumer seeks back its history window when it gets its partitions, so an event published
            // after the service started arrives even when the assignment completes only now
            String signalId = data.id().toString();
            for (LiveSocket socket : List.of(byBearer, byTicket)) {
                JsonNode signal = socket.await("the signal frame", LIVE_DELIVERY,
                        frame -> "signal".equals(frame.path("type").asString())
                                && signalId.equals(frame.path("id").asString()));
                assertThat(signal.path("event").asString()).isEqualTo("created");
                assertThat(signal.path("seq").asLong()).isEqualTo(created.seq());
                assertThat(signal.path("data").path("symbol").asString()).isEqualTo("BTC/USDT");
                // the executable spread reaches the socket whole (issue 15)
                JsonNode executable = signal.path("data").path("execution");
                assertThat(executable.path("basis").asString()).isEqualTo("BOOK");
                assertThat(executable.path("max_size_usdt").decimalValue()).isEqualByComparingTo("41250");
                assertThat(executable.path("sizes").path(0).path("net_percent").decimalValue())
                        .isEqualByComparingTo("2.22");
                assertThat(executable.path("legs").path(1).path("age_ms").asLong()).isEqualTo(90);
                JsonNode notification = socket.await("the notification frame", Duration.ofSeconds(10),
                        frame -> "notification".equals(frame.path("type").asString())
                                && signalId.equals(frame.path("signal_id").asString()));
                assertThat(notification.path("id").asString()).isNotBlank();
                assertThat(notification.path("browser").isBoolean()).isTrue();
                assertThat(socket.frames.indexOf(notification)).as("notification after the signal frame")
                        .isGreaterThan(socket.frames.indexOf(signal));
            }

            HttpResponse<String> downgraded = call("PUT", "/api/v1/admin/users/" + vip.userId() + "/subscription",
                    vip.adminAccess(), "{\"plan\": \"FREE\"}");
            assertThat(downgraded.statusCode()).as("admin sets FREE: %s", downgraded.body()).isEqualTo(200);
            // SubscriptionChanged: outbox -> Kafka -> notification-service closes the user's sockets
            assertThat(byBearer.listener.closeCode().get(30, TimeUnit.SECONDS)).as("close code, bearer socket").isEqualTo(4403);
            assertThat(byTicket.listener.closeCode().get(10, TimeUnit.SECONDS)).as("close code, ticket socket").isEqualTo(4403);
        }
    }

    private record VipUser(String userId, String freeAccess, String vipAccess, String adminAccess) {
    }

    private static URI gatewayWs(String pathAndQuery) {
        return URI.create(gatewayUrl.replaceFirst("^http", "ws") + pathAndQuery);
    }

    /** The HTTP status of an upgrade the gateway refuses (instead of 101 Switching Protocols). */
    private static int refusedHandshake(String pathAndQuery, String bearer) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            WebSocket opened = builder.buildAsync(gatewayWs(pathAndQuery), new WebSocket.Listener() {
            }).orTimeout(15, TimeUnit.SECONDS).join();
            opened.abort();
            throw new AssertionError("the upgrade of " + pathAndQuery + " was accepted");
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw ex;
        }
    }

    private static KafkaProducer<String, String> producer() {
        // the broker the services were given, not KafkaRecords.producer()'s EmbeddedServers.shared() one
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static JsonNode login(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = post("/api/v1/auth/login", json("email", email, "password", password));
        assertThat(login.statusCode()).as("login of %s: %s", email, login.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(login.body());
    }

    /** The claims of a JWT, read from its payload without verifying it (the services verify). */
    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> call(String method, String path, String accessToken, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + accessToken)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTokenPair(JsonNode tokens) {
        assertThat(tokens.path("access_token").asString()).as("access_token of %s", tokens).matches("[^.]+\\.[^.]+\\.[^.]+");
        assertThat(tokens.path("refresh_token").asString()).as("refresh_token of %s", tokens).isNotBlank();
        assertThat(tokens.path("token_type").asString()).as("token_type of %s", tokens).isEqualTo("bearer");
        assertThat(tokens.path("expires_in").isNumber()).as("expires_in of %s is a number", tokens).isTrue();
        assertThat(tokens.path("expires_in").asLong()).isPositive();
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs JSON to the gateway from a chosen loopback address (java.net.http cannot bind one on JDK 17) and answers
     * the status code.
     */
    private static int postFrom(String clientAddress, String path, String body, String... headers) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(clientAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", URI.create(gatewayUrl).getPort()), 5_000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as("an HTTP answer").startsWith("HTTP/1.1 ");
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private static String json(String... namesAndValues) {
        var object = JsonMapper.shared().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object.toString();
    }

    /** A java.net.http.WebSocket through the gateway that keeps every frame and the close code. */
    private static final class LiveSocket implements AutoCloseable {

        private final JsonFrames listener = new JsonFrames();
        private final List<JsonNode> frames = listener.frames();
        private WebSocket socket;

        /** Opens and waits for the answer to a ping, so notification-service has registered the socket. */
        static LiveSocket open(URI uri, String bearer) {
            LiveSocket live = new LiveSocket();
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            if (bearer != null) {
                builder.header("Authorization", "Bearer " + bearer);
            }
            live.socket = builder.buildAsync(uri, live.listener).orTimeout(15, TimeUnit.SECONDS).join();
            live.socket.sendText("{\"type\":\"ping\"}", true).join();
            live.await("pong", Duration.ofSeconds(15), frame -> "pong".equals(frame.path("type").asString()));
            return live;
        }

        JsonNode await(String what, Duration atMost, Predicate<JsonNode> matching) {
            try {
                return org.awaitility.Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(50))
                        .until(() -> frames.stream().filter(matching).findFirst(), Optional::isPresent).get();
            }
            catch (ConditionTimeoutException ex) {
                throw new AssertionError(ex.getMessage() + "; frames so far: " + frames, ex);
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                if (!socket.isOutputClosed()) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
                }
                socket.abort();
            }
        }
    }
}
