package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
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

    @Test
    void prometheusCanScrapeTheGatewayWithoutAToken() {
        client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
