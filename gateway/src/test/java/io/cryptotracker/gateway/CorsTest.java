package io.cryptotracker.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorsTest extends GatewayIntegrationTest {

    private static final String SPA = "http://localhost:5173";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        client.options().uri("/api/v1/users/me")
                .header(HttpHeaders.ORIGIN, SPA)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SPA)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("PUT"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("authorization"));

        assertThat(Downstreams.USERS.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        client.options().uri("/api/v1/users/me")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aCrossOriginAnswerExposesTheRequestIdAndRateLimitHeaders() {
        client.get().uri("/api/v1/market/cryptocurrencies")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After"));
    }

    @Test
    void aRefusalFromTheGatewayStillCarriesCorsHeadersSoTheSpaCanReadIt() {
        client.get().uri("/api/v1/users/me")
                .header(HttpHeaders.ORIGIN, SPA)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SPA);
    }

    @Test
    void corsHeadersAServiceAddsDoNotDuplicateTheGatewaysOwn() {
        Downstreams.MARKET.stubFor(get(urlPathEqualTo("/api/v1/market/with-cors")).atPriority(1)
                .willReturn(okJson("{}").withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")));

        client.get().uri("/api/v1/market/with-cors")
                .header(HttpHeaders.ORIGIN, SPA)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().values(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, values -> assertThat(values).containsExactly(SPA))
                .expectHeader().values(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS,
                        values -> assertThat(values).containsExactly("true"));
    }
}
