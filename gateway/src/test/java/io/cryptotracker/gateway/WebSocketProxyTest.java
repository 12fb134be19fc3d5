package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

class WebSocketProxyTest extends GatewayIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void aSocketWithATicketReachesNotificationServiceWithTheTicket() {
        String handshake = firstFrame("/ws/signals?ticket=t-5b1e0c", new HttpHeaders());

        assertThat(handshake).contains("uri=/ws/signals?ticket=t-5b1e0c").doesNotContain("x-request-id=null");
    }

    @Test
    void aSocketWithABearerTokenReachesNotificationServiceWithTheToken() {
        String token = TestTokens.valid();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, bearer(token));

        assertThat(firstFrame("/ws/signals", headers)).contains("authorization=" + bearer(token));
    }

    @Test
    void aSpoofedUserHeaderOnTheUpgradeIsStripped() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-User-Id", "6f1c2a7e-3b9d-4c52-9a0e-5d2b8f4e1a17");

        assertThat(firstFrame("/ws/signals?ticket=t-77", headers)).contains("x-user-id=null");
    }

    @Test
    void anUpgradeWithoutTicketOrTokenIsRefusedBeforeTheUpgrade() {
        upgrade("/ws/signals")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anAccessTokenPassedAsTheTicketIsRefused() {
        upgrade("/ws/signals?ticket=" + TestTokens.valid())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("never goes in a URL"));
    }

    @Test
    void anAccessTokenInAnyOtherQueryParameterIsRefused() {
        upgrade("/ws/signals?access_token=" + TestTokens.valid()).expectStatus().isUnauthorized();
        upgrade("/ws/signals?token=" + TestTokens.valid()).expectStatus().isUnauthorized();
    }

    @Test
    void aTicketOpensOnlyTheWebSocketPaths() {
        client.get().uri("/api/v1/notifications?ticket=t-5b1e0c")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec upgrade(String pathAndQuery) {
        return client.get().uri(URI.create("http://localhost:" + port + pathAndQuery))
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.UPGRADE, "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange();
    }

    private String firstFrame(String pathAndQuery, HttpHeaders headers) {
        AtomicReference<String> frame = new AtomicReference<>();
        new ReactorNettyWebSocketClient()
                .execute(URI.create("ws://localhost:" + port + pathAndQuery), headers,
                        session -> session.receive().next().map(WebSocketMessage::getPayloadAsText)
                                .doOnNext(frame::set).then())
                .block(Duration.ofSeconds(10));
        return frame.get();
    }
}
