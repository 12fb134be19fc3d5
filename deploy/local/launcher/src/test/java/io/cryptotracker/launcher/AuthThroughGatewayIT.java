package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.testsupport.EmbeddedServers;
import io.cryptotracker.common.testsupport.EmbeddedServersSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end through the packaged jars: embedded PostgreSQL, Redis and Kafka, then discovery, the gateway,
 * auth-service and user-service each in its own JVM on free ports, exactly as the local launcher runs them; a user
 * registers, logs in and refreshes through the gateway, a protected route without a token is refused, and the
 * user's profile, preferences, VIP grant by the configured first admin (reaching the next refreshed token through
 * Kafka) and audit log work across the services.
 */
class AuthThroughGatewayIT {

    private static final List<String> JARS_UNDER_TEST = List.of("discovery", "gateway", "auth-service",
            "user-service");

    // the first admin auth-service creates at start-up; the password passes its policy (no "admin", no email part)
    private static final String ADMIN_EMAIL = "ops-lead@example.com";
    private static final String ADMIN_PASSWORD = "violet harbour lantern 42";

    // registry changes reach the gateway in about a second instead of the 5 s + 5 s of the local defaults
    private static final List<String> FAST_REGISTRY_SERVER = List.of(
            "-Deureka.server.use-read-only-response-cache=false");
    private static final List<String> FAST_REGISTRY_CLIENT = List.of(
            "-Deureka.client.registry-fetch-interval-seconds=1",
            "-Deureka.client.initial-instance-info-replication-interval-seconds=1",
            "-Deureka.client.instance-info-replication-interval-seconds=1",
            "-Dspring.cloud.loadbalancer.cache.ttl=1s");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedServers infrastructure;
    private static SuiteLauncher suite;
    private static String discoveryUrl;
    private static String gatewayUrl;

    @BeforeAll
    static void startInfrastructureDiscoveryGatewayAuthAndUserService() throws IOException {
        Path root = RepositoryRoot.locate();
        ModuleJars jars = ModuleJars.of(root);
        List<String> missing = jars.missing(JARS_UNDER_TEST);
        if (!missing.isEmpty()) {
            fail("Missing jar(s): " + String.join(", ", missing) + ". This test starts the packaged services; build "
                    + "them first (./mvnw -B -DskipTests install), or run ./mvnw verify from the repository root.");
        }
        Path work = Path.of("target", "e2e").toAbsolutePath();
        infrastructure = EmbeddedServers.start(EmbeddedServersSettings.forTests());
        infrastructure.createDatabase("auth");
        infrastructure.createDatabase("users");

        int discoveryPort = freePort();
        int gatewayPort = freePort();
        int authPort = freePort();
        int userPort = freePort();
        discoveryUrl = "http://localhost:" + discoveryPort;
        gatewayUrl = "http://localhost:" + gatewayPort;
        SuitePlan plan = new SuitePlan(jars, infrastructure, discoveryPort, work.resolve("work"), List.of());
        suite = new SuiteLauncher(work.resolve("logs"), Duration.ofMinutes(3), Duration.ofSeconds(20),
                new ProgressToStandardOutput(), null);
        try {
            suite.startWave(List.of(plan.spec(SuiteService.DISCOVERY, discoveryPort).withJvmOptions(FAST_REGISTRY_SERVER)));
            suite.startWave(List.of(
                    plan.spec(SuiteService.GATEWAY, gatewayPort).withJvmOptions(FAST_REGISTRY_CLIENT),
                    plan.spec(SuiteService.AUTH_SERVICE, authPort).withJvmOptions(FAST_REGISTRY_CLIENT)
                            .withEnvironment("CRYPTOTRACKER_ADMIN_EMAIL", ADMIN_EMAIL)
                            .withEnvironment("CRYPTOTRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD),
                    plan.spec(SuiteService.USER_SERVICE, userPort).withJvmOptions(FAST_REGISTRY_CLIENT)));
        }
        catch (ServiceFailure failure) {
            fail(failure.report());
        }
        awaitGatewayRoutesToAuthService();
        awaitRegistered("USER-SERVICE");
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (suite != null) {
                suite.stopAll();
            }
        }
        finally {
            if (infrastructure != null) {
                infrastructure.stop();
            }
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

    private static void awaitRegistered(String application) {
        await(application + " registered in Eureka").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(discoveryUrl + "/eureka/apps/" + application))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
    }

    private static void assertTokenPair(JsonNode tokens) {
        assertThat(tokens.path("access_token").asString()).as("access_token of %s", tokens).matches("[^.]+\\.[^.]+\\.[^.]+");
        assertThat(tokens.path("refresh_token").asString()).as("refresh_token of %s", tokens).isNotBlank();
        assertThat(tokens.path("token_type").asString()).as("token_type of %s", tokens).isEqualTo("bearer");
        assertThat(tokens.path("expires_in").isNumber()).as("expires_in of %s is a number", tokens).isTrue();
        assertThat(tokens.path("expires_in").asLong()).isPositive();
    }

    /**
     * First auth-service's registration in Eureka (without spending the gateway's anonymous rate limit), then one
     * request through the gateway that auth-service itself answers (400 for an empty registration).
     */
    private static void awaitGatewayRoutesToAuthService() {
        await("auth-service registered in Eureka").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(discoveryUrl + "/eureka/apps/AUTH-SERVICE"))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
        await("gateway routes /api/v1/auth/** to auth-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> response = post("/api/v1/auth/register", "{}");
                    assertThat(response.statusCode()).as("gateway answer %s", response.body())
                            .isNotIn(404, 429, 500, 502, 503, 504);
                });
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String json(String... namesAndValues) {
        var object = JsonMapper.shared().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final class ProgressToStandardOutput implements SuiteLauncher.Listener {

        @Override
        public void starting(ServiceSpec service) {
            System.out.println("starting " + service.name() + " on port " + service.port());
        }

        @Override
        public void healthy(ServiceProcess service, Duration startUp) {
            System.out.println(service.spec().name() + " up in " + startUp.toMillis() + " ms");
        }
    }
}
