package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class EdgeAuthenticationTest extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} {1} without a token is 401")
    @CsvSource({
            "GET, /api/v1/users/me",
            "POST, /api/v1/users/me/change-password",
            "PUT, /api/v1/admin/users/6f1c2a7e-3b9d-4c52-9a0e-5d2b8f4e1a17/subscription",
            "POST, /api/v1/auth/logout",
            "GET, /api/v1/signals/funding-rate",
            "POST, /api/v1/signals",
            "GET, /api/v1/telegram/messages",
            "GET, /api/v1/notifications",
            "POST, /api/v1/market/cryptocurrencies",
            "GET, /ws/signals"})
    void protectedRoutesWithoutATokenAreRefusedWithProblemJson(String method, String path) {
        client.method(HttpMethod.valueOf(method)).uri(path)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("A valid bearer token is required.")
                .jsonPath("$.instance").isEqualTo(path);

        assertNothingReachedTheServices();
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("expired", TestTokens.expired()),
                Arguments.of("tampered signature", TestTokens.tamperedSignature()),
                Arguments.of("payload changed after signing", TestTokens.tamperedPayload()),
                Arguments.of("alg none", TestTokens.unsigned()),
                Arguments.of("wrong issuer", TestTokens.wrongIssuer()),
                Arguments.of("unknown kid", TestTokens.unknownKeyId()),
                Arguments.of("known kid, foreign key", TestTokens.signedByAnotherKey()),
                Arguments.of("HS256 signed with the RSA public key bytes", TestTokens.hs256WithPublicKeyBytes()),
                Arguments.of("not a JWT", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0} token is 401")
    @MethodSource("refusedTokens")
    void untrustworthyTokensAreRefused(String kind, String token) {
        client.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("The bearer token is invalid or has expired.");

        assertNothingReachedTheServices();
    }

    @Test
    void aNonBearerAuthorizationIsRefused() {
        client.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNzd29yZA==")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The Authorization header must carry a bearer token.");
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() {
        client.get().uri("/api/v1/users/me?access_token={token}", TestTokens.valid())
                .exchange()
                .expectStatus().isUnauthorized();

        assertNothingReachedTheServices();
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        client.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "bearer " + TestTokens.valid())
                .exchange()
                .expectStatus().isOk();
    }

    private static void assertNothingReachedTheServices() {
        assertThat(Downstreams.USERS.getAllServeEvents()).isEmpty();
        assertThat(Downstreams.SIGNALS.getAllServeEvents()).isEmpty();
        assertThat(Downstreams.MARKET.getAllServeEvents()).isEmpty();
        assertThat(Downstreams.AUTH.getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getUrl()).isEqualTo("/.well-known/jwks.json"));
    }
}
