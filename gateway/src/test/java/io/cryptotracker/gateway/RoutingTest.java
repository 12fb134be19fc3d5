package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class RoutingTest extends GatewayIntegrationTest {

    private static final Map<String, WireMockServer> SERVICES = Map.of("auth-service", Downstreams.AUTH,
            "user-service", Downstreams.USERS, "market-service", Downstreams.MARKET, "signals-service",
            Downstreams.SIGNALS);

    @ParameterizedTest(name = "{0} {1} reaches {2}")
    @CsvSource({
            "POST, /api/v1/auth/register, auth-service",
            "POST, /api/v1/auth/login, auth-service",
            "POST, /api/v1/auth/refresh, auth-service",
            "GET, /api/v1/market/cryptocurrencies, market-service",
            "GET, /api/v1/market/cryptocurrencies/BTC, market-service",
            "POST, /api/v1/telegram/webhook, signals-service"})
    void publicEndpointsPassWithoutAToken(String method, String path, String service) {
        client.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo(service);

        assertThat(Downstreams.received(SERVICES.get(service), path)).hasSize(1);
    }

    @Test
    void routedRequestsAreTimedPerRouteInTheDashboardsLatencyBuckets() {
        client.get().uri("/api/v1/market/cryptocurrencies").exchange().expectStatus().isOk();

        management().get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*"
                                + "routeId=\"market-service\"")
                        .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*le=\"1.0\"")
                        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0.25\""));
    }

    @Test
    void jwksIsServedByAuthServiceWithoutAToken() {
        client.get().uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo(TestTokens.KEY_ID);
    }

    @Test
    void telegramWebhookSecretHeaderReachesSignalsService() {
        client.post().uri("/api/v1/telegram/webhook").header("X-Telegram-Bot-Api-Secret-Token", "s3cret")
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"update_id\":1}")
                .exchange()
                .expectStatus().isOk();

        List<LoggedRequest> received = Downstreams.received(Downstreams.SIGNALS, "/api/v1/telegram/webhook");
        assertThat(received).singleElement()
                .satisfies(request -> assertThat(request.getHeader("X-Telegram-Bot-Api-Secret-Token")).isEqualTo("s3cret"));
    }

    @Test
    void telegramWebhookIsChargedToItsOwnGenerousPerAddressBucket() {
        client.post().uri("/api/v1/telegram/webhook").header("X-Telegram-Bot-Api-Secret-Token", "s3cret")
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"update_id\":2}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "1200");
    }

    @ParameterizedTest(name = "{0} {1} reaches {2} with its token")
    @CsvSource({
            "GET, /api/v1/users/me, user-service",
            "PUT, /api/v1/users/me/preferences, user-service",
            "PUT, /api/v1/admin/users/6f1c2a7e-3b9d-4c52-9a0e-5d2b8f4e1a17/subscription, user-service",
            "POST, /api/v1/auth/logout, auth-service",
            "GET, /api/v1/signals/mexc-spot-futures, signals-service",
            "DELETE, /api/v1/signals/0b6c3d1e-2f4a-4b5c-8d7e-9f0a1b2c3d4e, signals-service",
            "GET, /api/v1/telegram/messages, signals-service",
            "POST, /api/v1/market/cryptocurrencies, market-service"})
    void protectedRoutesReachTheirServiceWithTheAuthorizationHeaderIntact(String method, String path, String service) {
        String token = TestTokens.valid();

        client.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo(service);

        assertThat(Downstreams.received(SERVICES.get(service), path)).singleElement()
                .satisfies(request -> assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(token)));
    }

    @Test
    void notificationHistoryReachesNotificationService() {
        client.get().uri("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo("notification-service");
    }

    @Test
    void changePasswordGoesToAuthServiceNotUserService() {
        String path = "/api/v1/users/me/change-password";

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue("{\"current_password\":\"old\",\"new_password\":\"new\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo("auth-service");

        assertThat(Downstreams.received(Downstreams.AUTH, path)).hasSize(1);
        assertThat(Downstreams.received(Downstreams.USERS, path)).isEmpty();
    }
}
