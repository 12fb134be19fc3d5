package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * With traces exported ({@code TRACING_ENABLED=true}) a request stays one trace through the gateway: the service
 * behind gets a {@code traceparent} of the caller's trace with the gateway's own span as parent, and the gateway's
 * log lines about the request name that trace. The gateway no longer restores thread locals on every Reactor
 * operator for this (bench/gateway RESULTS.md): the route call's span comes from Spring Cloud Gateway's observability
 * filters, the log lines' ids from the exchange.
 */
@TestPropertySource(properties = {
        "TRACING_ENABLED=true",
        // nothing listens there: spans are dropped quietly
        "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces",
        "logging.level.io.cryptotracker.gateway.auth=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationTest extends GatewayIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

    @Test
    void theServiceBehindContinuesTheCallersTraceUnderTheGatewaysSpan() {
        client.get().uri("/api/v1/market/cryptocurrencies")
                .header("traceparent", TRACEPARENT)
                .exchange()
                .expectStatus().isOk();

        List<LoggedRequest> received = Downstreams.received(Downstreams.MARKET, "/api/v1/market/cryptocurrencies");
        assertThat(received).hasSize(1);
        String forwarded = received.get(0).getHeader("traceparent");
        assertThat(forwarded).startsWith("00-" + TRACE_ID + "-").endsWith("-01")
                .as("the parent is the gateway's span, not the caller's").doesNotContain(CALLER_SPAN_ID);
    }

    @Test
    void theGatewaysLogLinesAboutARequestNameItsTrace(CapturedOutput output) {
        client.get().uri("/api/v1/users/me")
                .header("traceparent", TRACEPARENT)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.expired()))
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(output.getAll().lines().filter(line -> line.contains("Refused a token")))
                .anyMatch(line -> line.contains(TRACE_ID));
    }
}
