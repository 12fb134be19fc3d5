package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every CryptoTracker service promises operators and callers, checked against the real service on embedded
 * servers: it starts with its schema migrated, exposes liveness, readiness and Prometheus metrics without a token,
 * serves its OpenAPI document, answers an unauthenticated API call with a 401 problem+json, answers no bad
 * input on any documented operation with a 5xx ({@link BadInputSweep}), answers every documented operation as the
 * document says ({@link OpenApiContract}), and its document passes Redocly's recommended rules ({@link RedoclyLint}).
 * A service's test extends this class.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceContractTest {

    private static final TestJwtIssuer ISSUER = new TestJwtIssuer();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void verifyTokensOfTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
    }

    /** The issuer whose tokens the service under test accepts. */
    protected static TestJwtIssuer issuer() {
        return ISSUER;
    }

    /** The paths the service's OpenAPI document must list: its public API (SPEC "Public API"). */
    protected List<String> documentedPaths() {
        return List.of();
    }

    @Test
    void theOpenApiDocumentIsServedWithoutATokenAndListsTheApi() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.shared().readTree(response.body()).path("paths");
        assertThat(paths.isObject()).as("paths of the OpenAPI document").isTrue();
        assertThat(paths.propertyNames()).containsAll(documentedPaths());
    }

    @Test
    void theOpenApiDocumentPassesRedoclysRecommendedRules() throws Exception {
        Path file = writeOpenApiDocument();
        Optional<String> unavailable = RedoclyLint.unavailableBecause();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "The Redocly lint of " + file + " is skipped: "
                + unavailable.orElse(""));

        RedoclyLint.Result result = RedoclyLint.lint(file);

        System.out.println("Redocly CLI " + RedoclyLint.VERSION + " lint --extends=recommended " + file + ":\n"
                + result.report());
        assertThat(result.passed()).as("Redocly's recommended rules over %s:%n%s", file, result.report()).isTrue();
    }

    @Test
    void everyDocumentedOperationAnswersAsTheDocumentSays() {
        OpenApiContract contract = new OpenApiContract(port, badInputUserToken(), badInputAdminToken(),
                badInputSamples());

        List<OpenApiContract.Violation> violations = contract.violations();

        System.out.println("Contract check answers: " + contract.answers());
        System.out.println("Operations whose success answer the contract check never saw: "
                + contract.operationsWithoutASuccess());
        assertThat(violations).as("answers that break the OpenAPI document").isEmpty();
    }

    /** Writes the service's OpenAPI document to {@code target/openapi/<application>.json} and answers the file. */
    protected Path writeOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        Path file = Path.of("target", "openapi",
                environment.getProperty("spring.application.name", "service") + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, response.body(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * What the bad-input sweep and the contract check cannot read from the OpenAPI document (path values, sample
     * bodies, headers).
     */
    protected BadInputSweep.Samples badInputSamples() {
        return new BadInputSweep.Samples();
    }

    /** The token the sweep sends where an operation answers 401 without one: a VIP user of the test issuer. */
    protected String badInputUserToken() {
        return ISSUER.token(new AuthenticatedUser(UUID.randomUUID(), "sweep-user@example.com", Tier.VIP,
                Set.of("USER")));
    }

    /** The token the sweep sends where the user's answers 403: an admin of the test issuer. */
    protected String badInputAdminToken() {
        return ISSUER.token(new AuthenticatedUser(UUID.randomUUID(), "sweep-admin@example.com", Tier.VIP,
                Set.of("USER", "ADMIN")));
    }

    @Test
    void noOperationAnswersBadInputWithAServerError() {
        BadInputSweep sweep = new BadInputSweep(port, badInputUserToken(), badInputAdminToken(), badInputSamples());

        assertThat(sweep.serverErrors()).as("answers to NUL, invalid UTF-8, 10,000 characters, out-of-range "
                + "numbers and dates").isEmpty();
        assertThat(sweep.foreignBodiesRead()).as("JSON operations reading a YAML or XML body").isEmpty();
    }

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        HttpResponse<String> live = get("/livez");
        HttpResponse<String> ready = get("/readyz");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsAreExposedWithTheApplicationTagAndTheDashboardsLatencyBuckets() throws Exception {
        get("/livez");

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"");
        // the fixed buckets the dashboards' and alerts' percentiles read (cryptotracker-defaults.yml)
        assertThat(metrics.body()).containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0.05\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"5.0\"");
    }

    @Test
    void anApiCallWithoutATokenIsA401Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/any-protected-path");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
