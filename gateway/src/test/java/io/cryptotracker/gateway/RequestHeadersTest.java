package io.cryptotracker.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class RequestHeadersTest extends GatewayIntegrationTest {

    @Test
    void spoofedUserHeadersAreStrippedInAnySpelling() {
        String token = TestTokens.valid();

        client.get().uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("x-user-roles", "ADMIN")
                .header("X-USER-TIER", "VIP")
                .header("X-User-Email", "admin@example.com")
                .exchange()
                .expectStatus().isOk();

        LoggedRequest received = onlyRequest(Downstreams.received(Downstreams.USERS, "/api/v1/users/me"));
        assertThat(received.getAllHeaderKeys()).noneMatch(name -> name.toLowerCase().startsWith("x-user-"));
        assertThat(received.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(token));
    }

    @Test
    void spoofedUserHeadersAreStrippedOnPublicRoutesToo() {
        client.post().uri("/api/v1/auth/login")
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("x-user-roles", "ADMIN")
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        LoggedRequest received = onlyRequest(Downstreams.received(Downstreams.AUTH, "/api/v1/auth/login"));
        assertThat(received.getAllHeaderKeys()).noneMatch(name -> name.toLowerCase().startsWith("x-user-"));
    }

    @Test
    void servicesAreToldTheConnectionsAddressAndNeverAnAddressTheClientClaimed() {
        client.post().uri("/api/v1/auth/login")
                .header("X-Forwarded-For", "198.51.100.7, 203.0.113.1")
                .header("X-Forwarded-For", "192.0.2.9")
                .header("Forwarded", "for=198.51.100.7")
                .header("X-Real-IP", "198.51.100.7")
                .header("True-Client-IP", "198.51.100.7")
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        LoggedRequest received = onlyRequest(Downstreams.received(Downstreams.AUTH, "/api/v1/auth/login"));
        assertThat(received.header("X-Forwarded-For").values()).containsExactly("127.0.0.1");
        assertThat(received.containsHeader("Forwarded")).isFalse();
        assertThat(received.containsHeader("X-Real-IP")).isFalse();
        assertThat(received.containsHeader("True-Client-IP")).isFalse();
    }

    @Test
    void aRequestWithoutForwardingHeadersStillNamesItsClient() {
        client.get().uri("/api/v1/market/cryptocurrencies").exchange().expectStatus().isOk();

        assertThat(onlyRequest(Downstreams.received(Downstreams.MARKET, "/api/v1/market/cryptocurrencies"))
                .header("X-Forwarded-For").values()).containsExactly("127.0.0.1");
    }

    @Test
    void aRequestIdIsAddedToTheProxiedRequestAndTheAnswer() {
        EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/market/cryptocurrencies")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(onlyRequest(Downstreams.received(Downstreams.MARKET, "/api/v1/market/cryptocurrencies"))
                .getHeader("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void aSafeIncomingRequestIdIsKept() {
        client.get().uri("/api/v1/market/cryptocurrencies").header("X-Request-Id", "spa-7f3a.42:retry-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "spa-7f3a.42:retry-1");

        assertThat(onlyRequest(Downstreams.received(Downstreams.MARKET, "/api/v1/market/cryptocurrencies"))
                .getHeader("X-Request-Id")).isEqualTo("spa-7f3a.42:retry-1");
    }

    @Test
    void anUnsafeIncomingRequestIdIsReplaced() {
        String unsafe = "<script>alert(1)</script>";

        EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/market/cryptocurrencies")
                .header("X-Request-Id", unsafe)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(requestId)).isNotNull();
    }

    @Test
    void theAnswerCarriesOnlyTheGatewaysRequestIdEvenWhenTheServiceEchoesOne() {
        Downstreams.MARKET.stubFor(get(urlPathEqualTo("/api/v1/market/echoing")).atPriority(1)
                .willReturn(okJson("{}").withHeader("X-Request-Id", "set-by-the-service")));

        client.get().uri("/api/v1/market/echoing").header("X-Request-Id", "from-the-client")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().values("X-Request-Id", values -> assertThat(values).containsExactly("from-the-client"));
    }

    @Test
    void errorAnswersCarryTheRequestIdToo() {
        client.get().uri("/api/v1/users/me").header("X-Request-Id", "refused-call-1")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "refused-call-1");
    }

    private static LoggedRequest onlyRequest(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
