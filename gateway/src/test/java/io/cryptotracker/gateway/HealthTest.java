package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class HealthTest extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} is UP on the main port without a token, Redis or Eureka")
    @ValueSource(strings = {"/livez", "/readyz"})
    void probesAreUpOnTheMainPortWithoutATokenEvenWithNoRedisRunning(String path) {
        client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-RateLimit-Limit")
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @ParameterizedTest(name = "{0} is UP on the management port")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthIsUpOnTheManagementPort(String path) {
        management().get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusScrapesTheGatewayOnTheManagementPortWithoutAToken() {
        management().get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @ParameterizedTest(name = "{0} is not served on the public port")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/health"})
    void actuatorIsNotServedOnThePublicPort(String path) {
        client.get().uri(path)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("jvm_"));
        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
