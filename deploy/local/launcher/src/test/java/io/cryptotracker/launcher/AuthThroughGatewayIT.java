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
import java.time.Duration;
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
 * End to end through the packaged jars: embedded PostgreSQL, Redis and Kafka, then discovery, the gateway and
 * auth-service each in its own JVM on free ports, exactly as the local launcher runs them; a user registers, logs in
 * and refreshes through the gateway, and a protected route without a token is refused.
 */
class AuthThroughGatewayIT {

    private static final List<String> JARS_UNDER_TEST = List.of("discovery", "gateway", "auth-service");

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
    static void startInfrastructureDiscoveryGatewayAndAuthService() throws IOException {
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

        int discoveryPort = freePort();
        int gatewayPort = freePort();
        int authPort = freePort();
        discoveryUrl = "http://localhost:" + discoveryPort;
        gatewayUrl = "http://localhost:" + gatewayPort;
        SuitePlan plan = new SuitePlan(jars, infrastructure, discoveryPort, work.resolve("work"), List.of());
        suite = new SuiteLauncher(work.resolve("logs"), Duration.ofMinutes(3), Duration.ofSeconds(20),
                new ProgressToStandardOutput(), null);
        try {
            suite.startWave(List.of(plan.spec(SuiteService.DISCOVERY, discoveryPort).withJvmOptions(FAST_REGISTRY_SERVER)));
            suite.startWave(List.of(
                    plan.spec(SuiteService.GATEWAY, gatewayPort).withJvmOptions(FAST_REGISTRY_CLIENT),
                    plan.spec(SuiteService.AUTH_SERVICE, authPort).withJvmOptions(FAST_REGISTRY_CLIENT)));
        }
        catch (ServiceFailure failure) {
            fail(failure.report());
        }
        awaitGatewayRoutesToAuthService();
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
