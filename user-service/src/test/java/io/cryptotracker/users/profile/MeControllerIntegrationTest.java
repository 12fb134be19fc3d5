package io.cryptotracker.users.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.common.testsupport.ServiceContractTest;
import io.cryptotracker.common.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** user-service on real PostgreSQL and Kafka: {@code /users/me} plus the contract every service keeps. */
class MeControllerIntegrationTest extends ServiceContractTest {

    static final JsonMapper json = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void meAnswersTheIdEmailTierAndRolesOfTheVerifiedToken() throws Exception {
        AuthenticatedUser carol = new AuthenticatedUser(UUID.randomUUID(), "carol@example.com", Tier.VIP,
                Set.of("USER", "ADMIN"));

        HttpResponse<String> response = get("/api/v1/users/me", "Bearer " + issuer().token(carol));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(carol.id().toString());
        assertThat(body.get("email").asString()).isEqualTo("carol@example.com");
        assertThat(body.get("tier").asString()).isEqualTo("VIP");
        assertThat(body.get("roles").toString()).isEqualTo("[\"ADMIN\",\"USER\"]");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void meWithoutATokenIsA401Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/users/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/users/me");
        assertThat(body.has("type")).isTrue();
        assertThat(body.has("title")).isTrue();
    }

    @Test
    void aTokenFromAnotherKeyIsA401Problem() throws Exception {
        try (TestJwtIssuer stranger = new TestJwtIssuer()) {
            AuthenticatedUser mallory = new AuthenticatedUser(UUID.randomUUID(), "m@example.com", Tier.VIP,
                    Set.of("USER"));

            HttpResponse<String> response = get("/api/v1/users/me", "Bearer " + stranger.token(mallory));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("Exception", "jsonwebtoken");
        }
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        AuthenticatedUser dave = new AuthenticatedUser(UUID.randomUUID(), "dave@example.com", Tier.FREE,
                Set.of("USER"));

        HttpResponse<String> response = get("/api/v1/users/nothing-here", "Bearer " + issuer().token(dave));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
