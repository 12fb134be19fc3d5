package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.cryptotracker.gateway.support.Downstreams;
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
    void aSocketWithAValidTicketIsCheckedThenReachesNotificationServiceWithTheTicket() {
        String handshake = firstFrame("/ws/signals?ticket=t-5b1e0c", new HttpHeaders());

        assertThat(handshake).contains("uri=/ws/signals?ticket=t-5b1e0c").doesNotContain("x-request-id=null");
        // checked without being used up: notification-service takes it on the upgrade itself
        assertThat(Downstreams.TICKET_CHECKS).containsExactly("internal/v1/ws-tickets/t-5b1e0c");
    }

    @Test
    void aSocketWithAVipBearerTokenReachesNotificationServiceWithTheToken() {
        String token = TestTokens.valid(TestTokens.USER_ID, "VIP");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, bearer(token));

        assertThat(firstFrame("/ws/signals", headers)).contains("authorization=" + bearer(token));
        assertThat(Downstreams.TICKET_CHECKS).isEmpty();
    }

    @Test
    void aFreeUsersBearerTokenIsRefusedWith403BeforeTheUpgrade() {
        upgrade("/ws/signals", TestTokens.valid(TestTokens.USER_ID, "FREE"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/vip-required")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.instance").isEqualTo("/ws/signals");

        assertThat(Downstreams.UPGRADES).isEmpty();
    }

    @Test
    void anUnknownTicketIsRefusedWith401BeforeTheUpgrade() {
        upgrade("/ws/signals?ticket=t-used-or-expired")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("POST /api/v1/notifications/ws-ticket").doesNotContain("t-used-or-expired"));

        assertThat(Downstreams.TICKET_CHECKS).containsExactly("internal/v1/ws-tickets/t-used-or-expired");
        assertThat(Downstreams.UPGRADES).isEmpty();
    }

    @Test
    void aTicketThatCannotBeAPathSegmentIsRefusedWithoutAsking() {
        upgrade("/ws/signals?ticket=..").expectStatus().isUnauthorized();
        upgrade("/ws/signals?ticket=a%2F..%2F..%2Fx").expectStatus().isUnauthorized();

        assertThat(Downstreams.TICKET_CHECKS).isEmpty();
    }

    @Test
    void aTicketCheckThatFailsOnNotificationServiceIsA503() {
        upgrade("/ws/signals?ticket=" + Downstreams.BROKEN_TICKET)
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);

        assertThat(Downstreams.UPGRADES).isEmpty();
    }

    @Test
    void aTicketCheckThatTakesTooLongIsA503() {
        upgrade("/ws/signals?ticket=" + Downstreams.SLOW_TICKET).expectStatus().isEqualTo(503);
    }

    @Test
    void internalEndpointsAreNeverRouted() {
        client.get().uri("/internal/v1/ws-tickets/t-5b1e0c").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/internal/v1/ws-tickets/t-5b1e0c")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid(TestTokens.USER_ID, "VIP")))
                .exchange()
                .expectStatus().isNotFound();

        assertThat(Downstreams.TICKET_CHECKS).isEmpty();
    }

    @Test
    void dotSegmentsCannotWalkFromARouteToInternalEndpoints() {
        String vip = bearer(TestTokens.valid(TestTokens.USER_ID, "VIP"));
        for (String path : new String[] { "/ws/../internal/v1/ws-tickets/t-5b1e0c",
                "/ws/%2e%2e/internal/v1/ws-tickets/t-5b1e0c", "//internal/v1/ws-tickets/t-5b1e0c",
                "/api/v1/notifications/./x" }) {
            client.get().uri(URI.create("http://localhost:" + port + path)).header(HttpHeaders.AUTHORIZATION, vip)
                    .exchange()
                    .expectStatus().isBadRequest();
        }

        assertThat(Downstreams.TICKET_CHECKS).isEmpty();
    }

    @Test
    void aSpoofedUserHeaderOnTheUpgradeIsStripped() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-User-Id", "6f1c2a7e-3b9d-4c52-9a0e-5d2b8f4e1a17");

        assertThat(firstFrame("/ws/signals?ticket=t-77", headers)).contains("x-user-id=null");
    }

    @Test
    void theUpgradeTellsNotificationServiceTheClientAddressTheGatewayDecidedNotTheOneTheClientClaimed() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", "198.51.100.7");
        headers.set("X-Real-IP", "198.51.100.8");

        assertThat(firstFrame("/ws/signals?ticket=t-77", headers))
                .contains("x-forwarded-for=[127.0.0.1]").contains("x-real-ip=null");
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
        return upgrade(pathAndQuery, null);
    }

    private WebTestClient.ResponseSpec upgrade(String pathAndQuery, String token) {
        return client.get().uri(URI.create("http://localhost:" + port + pathAndQuery))
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
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
