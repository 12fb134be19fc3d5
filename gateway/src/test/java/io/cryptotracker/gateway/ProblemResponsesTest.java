package io.cryptotracker.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProblemResponsesTest extends GatewayIntegrationTest {

    @Test
    void anUnknownPathIs404ProblemJson() {
        getWithToken("/api/v1/nothing-here")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("Nothing is served at this path.")
                .jsonPath("$.instance").isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void aServiceWithNoRegisteredInstanceIs503ProblemJson() {
        getWithToken("/test/no-instance/anything")
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/service-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.instance").isEqualTo("/test/no-instance/anything")
                .consumeWith(body -> assertNoInternals(new String(body.getResponseBody())));
    }

    @Test
    void aRegisteredInstanceThatIsDownIs503ProblemJson() {
        getWithToken("/test/instance-down/anything")
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .consumeWith(body -> assertNoInternals(new String(body.getResponseBody())));
    }

    @Test
    void aRouteFiltersBodyless429BecomesProblemJsonWithItsRetryAfter() {
        getWithToken("/test/rate-limited/anything")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/too-many-requests")
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.instance").isEqualTo("/test/rate-limited/anything");
    }

    @Test
    void anUnexpectedErrorIs500WithoutStackTraceOrClassNames() {
        getWithToken("/test/bug/anything")
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/internal")
                .jsonPath("$.status").isEqualTo(500)
                .jsonPath("$.trace").doesNotExist()
                .consumeWith(body -> assertNoInternals(new String(body.getResponseBody())));
    }

    @Test
    void aServicesOwnErrorAnswerPassesThroughUnchanged() {
        String conflict = "{\"type\":\"https://cryptotracker.io/problems/email-taken\",\"status\":409}";
        Downstreams.USERS.stubFor(get(urlPathEqualTo("/api/v1/users/me/conflict")).atPriority(1).willReturn(
                aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody(conflict)));
        Downstreams.USERS.stubFor(get(urlPathEqualTo("/api/v1/users/me/gone")).atPriority(1)
                .willReturn(aResponse().withStatus(404)));

        getWithToken("/api/v1/users/me/conflict")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().json(conflict);
        getWithToken("/api/v1/users/me/gone")
                .expectStatus().isNotFound()
                .expectBody().isEmpty();
    }

    private WebTestClient.ResponseSpec getWithToken(String path) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid())).exchange();
    }

    private static void assertNoInternals(String body) {
        assertThat(body)
                .doesNotContain("Exception", "io.cryptotracker", "secret", "ghost-service", "dead-service", "localhost",
                        "\tat ");
    }
}
