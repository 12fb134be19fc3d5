package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A path the gateway and a service could read differently is refused before routing, the access rules and the
 * rate-limit policy see it, so none of them can be steered around (SPEC issue 12: {@code //login} with a token
 * escaped the credentials bucket).
 */
class CanonicalPathTest extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = { "/api/v1/auth//login", "//api/v1/auth/login", "/api/v1/auth/login/",
            "/api/v1/auth%2Flogin", "/api/v1/auth%2flogin", "/api/v1/auth%5Clogin", "/api/v1/auth%5clogin",
            "/api/v1/auth/./login", "/api/v1/auth/%2e/login", "/api/v1/market/../auth/login",
            "/api/v1/market/%2e%2e/auth/login", "/api/v1/market/.%2E/auth/login", "/api/v1/market/..;/auth/login",
            "/api/v1/market/%2E%2E;x=1/auth/login" })
    void aPathThatCouldBeReadTwoWaysIsRefusedWith400AndReachesNoService(String path) {
        client.post().uri(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().doesNotExist("X-RateLimit-Limit")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/non-canonical-path")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("canonical"));

        assertThat(Downstreams.receivedInAll()).isZero();
    }

    @Test
    void aRawBackslashIsRefusedToo() throws IOException {
        assertThat(statusLine("POST /api/v1/auth\\login HTTP/1.1")).matches("HTTP/1.1 400 .*");
        assertThat(statusLine("POST /api/v1/market/..\\auth/login HTTP/1.1")).matches("HTTP/1.1 400 .*");

        assertThat(Downstreams.receivedInAll()).isZero();
    }

    @Test
    void aPercentEncodedLetterIsReadTheSameWayByTheGatewayAndTheService() {
        client.get().uri(URI.create("http://localhost:" + port + "/api/v1/market/%63ryptocurrencies"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo("market-service");
    }

    @Test
    void internalEndpointsStay404AfterThePathCheck() {
        client.get().uri("/INTERNAL/v1/ws-tickets/t-5b1e0c")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid(TestTokens.USER_ID, "VIP")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Sends a request line the HTTP clients would not send as it is; returns the answer's status line. */
    private String statusLine(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: " + bearer(TestTokens.valid())
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
