package io.cryptotracker.gateway;

import java.net.URI;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** notification-service's ticket check goes to an instance that is down: the upgrade is refused with 503. */
@TestPropertySource(properties = "cryptotracker.gateway.websocket.ticket-check-uri="
        + "lb://dead-service/internal/v1/ws-tickets/{ticket}")
class WebSocketTicketCheckUnreachableTest extends GatewayIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void anUnreachableNotificationServiceIsA503BeforeTheUpgrade() {
        client.get().uri(URI.create("http://localhost:" + port + "/ws/signals?ticket=t-5b1e0c"))
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.UPGRADE, "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("t-5b1e0c").doesNotContain("dead-service"));
    }
}
