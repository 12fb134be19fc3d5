package io.cryptotracker.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * notification-service runs Boot's default context propagation ({@code limited}, application.yml): no thread-locals
 * are restored on Reactor operators. A request's log lines that matter – the error line of an answer 500 – still
 * name the caller's trace and the request's {@code X-Request-Id} (common-lib {@code ExchangeLogContext} takes them
 * from the exchange), and the caller's trace goes on through the service. The failing endpoint is this test's own:
 * the service has no request that fails on purpose.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "TRACING_ENABLED=true",
        // nothing listens there: spans are dropped quietly
        "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces"})
@Import(TraceCorrelationTest.FailingEndpoint.class)
@ExtendWith(OutputCaptureExtension.class)
class TraceCorrelationTest {

    private static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
        // this context's own consumer group: the broker and its topics are shared by the JVM's test classes
        registry.add("spring.kafka.consumer.group-id", () -> "notification-service-trace-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Test
    void anAnswer500IsLoggedWithTheCallersTraceAndTheRequestId(CapturedOutput output) throws Exception {
        String requestId = "trace-test-" + UUID.randomUUID();
        String token = ISSUER.token(new AuthenticatedUser(UUID.randomUUID(), "trace@example.com", Tier.VIP,
                Set.of("USER")));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + FailingEndpoint.PATH))
                .header("Authorization", "Bearer " + token)
                .header("traceparent", TRACEPARENT)
                .header("X-Request-Id", requestId)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("X-Request-Id")).contains(requestId);
        List<String> errorLines = output.getAll().lines()
                .filter(line -> line.contains("Unexpected error on GET " + FailingEndpoint.PATH))
                .toList();
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).contains(TRACE_ID).contains(requestId);
    }

    /** A controller of this test that fails as an unforeseen bug would: an exception no handler knows. */
    @RestController
    static class FailingEndpoint {

        static final String PATH = "/api/v1/trace-probe/fail";

        @GetMapping(PATH)
        String fail() {
            throw new IllegalStateException("an unforeseen failure");
        }
    }
}
