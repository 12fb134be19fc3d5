package io.cryptotracker.gateway;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthTest extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} is UP without a token, Redis or Eureka")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/livez",
            "/readyz"})
    void healthIsUpWithoutATokenEvenWithNoRedisRunning(String path) {
        client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
