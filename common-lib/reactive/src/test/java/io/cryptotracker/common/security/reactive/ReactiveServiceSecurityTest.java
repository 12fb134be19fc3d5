package io.cryptotracker.common.security.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.TestJwtIssuer;
import io.cryptotracker.common.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux service as common-lib configures it, on a real Reactor Netty server: bearer tokens of the test issuer,
 * problem+json for 401, 400 (naming the field or parameter), 404 and 500 without internals, request ids echoed.
 */
class ReactiveServiceSecurityTest {

    private static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ReactiveApp.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0", "--spring.application.name=reactive-probe",
                "--cryptotracker.security.jwks-uri=" + ISSUER.jwksUri(),
                "--cryptotracker.security.public-paths=/open/**",
                // a token of a rotated key may fetch the JWKS again at once (one test rotates)
                "--cryptotracker.security.jwks-min-refresh-interval=PT0.001S",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "--eureka.client.enabled=false");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCallWithoutATokenIsA401ProblemWithTheRequestIdEchoed() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/probe/1?page=2", null, null, "req-42");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-42");
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void anInvalidTokenIsA401AndAValidOneReachesTheControllerWithItsUser() throws Exception {
        assertThat(send("GET", "/api/v1/probe/1?page=2", "not-a-jwt", null, null).statusCode()).isEqualTo(401);

        UUID id = UUID.randomUUID();
        HttpResponse<String> ok = send("GET", "/api/v1/probe/7?page=2", token(id), null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(id + " 7 2");
        assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aTokenWhoseKeysCannotBeFetchedIsA401NotAServerError() throws Exception {
        ISSUER.rotate();
        ISSUER.jwksAvailable(false);
        try {
            HttpResponse<String> refused = send("GET", "/api/v1/probe/1?page=2", token(UUID.randomUUID()), null, null);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        }
        finally {
            ISSUER.jwksAvailable(true);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                send("GET", "/api/v1/probe/1?page=2", token(UUID.randomUUID()), null, null).statusCode())
                .isEqualTo(200));
    }

    @Test
    void publicAndHealthPathsAreOpen() throws Exception {
        assertThat(send("GET", "/open/ping", null, null, null).body()).isEqualTo("pong");
    }

    @Test
    void aMalformedParameterIsA400NamingIt() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/probe/1?page=abc", token(UUID.randomUUID()), null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"page\"");
        HttpResponse<String> missing = send("GET", "/api/v1/probe/1", token(UUID.randomUUID()), null, null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"page\"");
    }

    @Test
    void anInvalidBodyIsA400WithSnakeCaseFieldErrorsAndUnreadableJsonIsA400() throws Exception {
        HttpResponse<String> invalid = send("POST", "/api/v1/probe", token(UUID.randomUUID()),
                "{\"display_name\":\"\"}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(invalid.body()).contains("\"errors\"").contains("\"field\":\"display_name\"");

        HttpResponse<String> garbage = send("POST", "/api/v1/probe", token(UUID.randomUUID()), "{nope", null);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("malformed-body");
    }

    @Test
    void aNulInAParameterOrAJsonStringIsA400NamingItAYamlBodyA415AndAHugeBodyA413() throws Exception {
        HttpResponse<String> parameter = send("GET", "/api/v1/probe/1?page=1%00", token(UUID.randomUUID()), null, null);
        assertThat(parameter.statusCode()).isEqualTo(400);
        assertThat(parameter.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(parameter.body()).contains("\"field\":\"page\"");

        HttpResponse<String> body = send("POST", "/api/v1/probe", token(UUID.randomUUID()),
                "{\"display_name\":\"Ann\\u0000\"}", null);
        assertThat(body.statusCode()).isEqualTo(400);
        assertThat(body.body()).contains("\"field\":\"display_name\"");

        HttpResponse<String> yaml = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/probe")).header("Authorization", "Bearer " + token(UUID.randomUUID()))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("display_name: Ann\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(yaml.statusCode()).isEqualTo(415);

        HttpResponse<String> huge = send("POST", "/api/v1/probe", token(UUID.randomUUID()),
                "{\"display_name\":\"" + "x".repeat(1024 * 1024) + "\"}", null);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void apiExceptionsKeepTheirStatusAndUnknownErrorsAre500WithoutInternals() throws Exception {
        HttpResponse<String> notFound = send("GET", "/api/v1/probe/missing", token(UUID.randomUUID()), null, null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("nothing here");

        HttpResponse<String> boom = send("GET", "/api/v1/probe/boom", token(UUID.randomUUID()), null, null);
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("\"status\":500").doesNotContain("SELECT").doesNotContain("Exception");

        HttpResponse<String> unknown = send("GET", "/api/v1/nowhere", token(UUID.randomUUID()), null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String token(UUID id) {
        return ISSUER.token(new AuthenticatedUser(id, "probe@example.com", Tier.FREE, Set.of("USER")));
    }

    private static HttpResponse<String> send(String method, String path, String bearer, String json,
            String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class ReactiveApp {
    }

    @RestController
    static class Probe {

        @GetMapping("/api/v1/probe/{id}")
        String get(@PathVariable int id, @RequestParam int page, @AuthenticationPrincipal AuthenticatedUser user) {
            return user.id() + " " + id + " " + page;
        }

        @GetMapping("/api/v1/probe/missing")
        String missing() {
            throw new NotFoundException("nothing here");
        }

        @GetMapping("/api/v1/probe/boom")
        String boom() {
            throw new IllegalStateException("SELECT * FROM secrets failed");
        }

        @PostMapping("/api/v1/probe")
        Body post(@Valid @RequestBody Body body) {
            return body;
        }

        @GetMapping("/open/ping")
        String ping() {
            return "pong";
        }
    }

    record Body(@NotBlank String displayName) {
    }
}
