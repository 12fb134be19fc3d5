package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityHeadersTest extends GatewayIntegrationTest {

    private static final String NOSNIFF = "nosniff";

    @LocalServerPort
    int port;

    @Test
    void aProxiedAnswerCarriesNosniffAndNoPolicyForHtml() {
        client.get().uri("/api/v1/market/cryptocurrencies")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", NOSNIFF)
                .expectHeader().doesNotExist("Content-Security-Policy");
    }

    @Test
    void problemAnswersCarryNosniff() {
        nosniff(client.get().uri("/api/v1/users/me").exchange(), HttpStatus.UNAUTHORIZED);
        nosniff(client.get().uri("/api/v1/nothing-here").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .exchange(), HttpStatus.NOT_FOUND);
        nosniff(client.get().uri("/test/rate-limited/anything")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid())).exchange(), HttpStatus.TOO_MANY_REQUESTS);
        nosniff(client.get().uri(URI.create("http://localhost:" + port + "/api//v1/market/cryptocurrencies"))
                .exchange(), HttpStatus.BAD_REQUEST);
        nosniff(client.post().uri("/api/v1/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(70_000)).exchange(), HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void theSwaggerUiPageGetsAPolicyThatKeepsItOutOfFramesAndStillLoadsItsOwnScripts() {
        String html = client.get().uri("/webjars/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", NOSNIFF)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("frame-ancestors 'none'")
                        .contains("script-src 'self'")
                        .doesNotContain("unsafe-eval"))
                .expectBody(String.class).returnResult().getResponseBody();

        // script-src 'self' without 'unsafe-inline' lets the page run only scripts loaded from the gateway itself
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("a script loaded from a file").containsPattern("src=\"\\./[^\"]+\"");
            assertThat(scripts.group(2)).as("no inline script").isBlank();
        }
        assertThat(count).isPositive();
        client.get().uri("/webjars/swagger-ui/swagger-initializer.js")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", NOSNIFF)
                .expectBody(String.class).value(script -> assertThat(script).contains("/v3/api-docs"));
    }

    private static void nosniff(WebTestClient.ResponseSpec answer, HttpStatus status) {
        answer.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Content-Type-Options", NOSNIFF);
    }
}
