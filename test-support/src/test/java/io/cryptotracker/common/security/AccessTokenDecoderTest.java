package io.cryptotracker.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cryptotracker.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * The access-token decoder every service builds ({@link AccessTokens}: Spring Security's Nimbus decoder over
 * auth-service's JWKS), against a real JWKS served over loopback HTTP by {@link TestJwtIssuer}.
 */
class AccessTokenDecoderTest {

    private static final AuthenticatedUser ALICE = new AuthenticatedUser(UUID.randomUUID(), "alice@example.com",
            Tier.VIP, Set.of("USER", "ADMIN"));

    private final TestJwtIssuer issuer = new TestJwtIssuer();

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void aValidTokenBecomesOurPrincipalWithRoleAndTierAuthorities() {
        Instant issuedAt = Instant.now().minusSeconds(5);
        JwtAuthentication authentication = AccessTokens.authentication(
                decoder(Duration.ofSeconds(30)).decode(issuer.token(ALICE, TestJwtIssuer.ISSUER, issuedAt,
                        Duration.ofMinutes(15))));

        assertThat(authentication.getPrincipal()).isEqualTo(ALICE);
        assertThat(authentication.getName()).isEqualTo(ALICE.id().toString());
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN", "TIER_VIP");
        assertThat(authentication.getToken().getIssuedAt()).isEqualTo(issuedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(authentication.isAuthenticated()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefusedButClockSkewIsTolerated() {
        JwtDecoder decoder = decoder(Duration.ofSeconds(30));
        String expired = issuer.token(ALICE, TestJwtIssuer.ISSUER, Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(15));
        String justExpired = issuer.token(ALICE, TestJwtIssuer.ISSUER, Instant.now().minus(Duration.ofMinutes(15))
                .minusSeconds(10), Duration.ofMinutes(15));

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(BadJwtException.class);
        assertThat(decoder.decode(justExpired).getSubject()).isEqualTo(ALICE.id().toString());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String token = issuer.token(ALICE, "someone-else", Instant.now(), Duration.ofMinutes(15));

        assertThatThrownBy(() -> decoder(Duration.ofSeconds(30)).decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = issuer.token(ALICE).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"VIP\"", "\"FREE\"");

        assertThatThrownBy(() -> decoder(Duration.ofSeconds(30)).decode(parts[0] + "." + b64(payload) + "." + parts[2]))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String[] parts = issuer.token(ALICE).split("\\.");
        String none = b64("{\"alg\":\"none\",\"kid\":\"" + issuer.keyId() + "\"}") + "." + parts[1] + ".";

        assertThatThrownBy(() -> decoder(Duration.ofSeconds(30)).decode(none)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
        String[] parts = issuer.token(ALICE).split("\\.");
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"" + issuer.keyId() + "\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(issuer.publicKey().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> decoder(Duration.ofSeconds(30)).decode(header + "." + parts[1] + "." + signature))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenWithoutRolesOrWithABadSubjectIsRefused() {
        AuthenticatedUser roleless = new AuthenticatedUser(UUID.randomUUID(), "x@example.com", Tier.FREE, Set.of());

        assertThatThrownBy(() -> decoder(Duration.ofSeconds(30)).decode(issuer.token(roleless)))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("roles");
    }

    @Test
    void garbageAndBlankTokensAreRefused() {
        JwtDecoder decoder = decoder(Duration.ofSeconds(30));

        assertThatThrownBy(() -> decoder.decode("not.a.jwt")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(" ")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void theJwksIsFetchedOnceNotPerToken() {
        JwtDecoder decoder = decoder(Duration.ofSeconds(30));

        for (int i = 0; i < 20; i++) {
            decoder.decode(issuer.token(ALICE));
        }

        assertThat(issuer.jwksRequests()).isEqualTo(1);
    }

    @Test
    void afterARotationATokenOfTheNewKeyIsAcceptedWithOneMoreFetchAndOldTokensStillPass() {
        JwtDecoder decoder = decoder(Duration.ofMillis(200));
        String old = issuer.token(ALICE);
        decoder.decode(old);

        issuer.rotate();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .untilAsserted(() -> decoder.decode(issuer.token(ALICE)));
        int fetches = issuer.jwksRequests();
        for (int i = 0; i < 10; i++) {
            decoder.decode(issuer.token(ALICE));
        }

        assertThat(decoder.decode(old).getSubject()).isEqualTo(ALICE.id().toString());
        assertThat(issuer.jwksRequests()).isEqualTo(fetches);
    }

    @Test
    void unknownKeysAreRefusedAndCannotMakeTheJwksBeFetchedMoreOftenThanTheMinimumInterval() {
        JwtDecoder decoder = decoder(Duration.ofSeconds(30));
        decoder.decode(issuer.token(ALICE));

        try (TestJwtIssuer stranger = new TestJwtIssuer()) {
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> decoder.decode(stranger.token(ALICE))).isInstanceOf(BadJwtException.class);
            }
        }

        assertThat(issuer.jwksRequests()).isLessThanOrEqualTo(3);
        assertThat(decoder.decode(issuer.token(ALICE)).getSubject()).isEqualTo(ALICE.id().toString());
    }

    @Test
    void aJwksThatIsDownAtStartRefusesTokensNowAndAcceptsThemOnceItIsBackWithoutARestart() {
        issuer.jwksAvailable(false);
        JwtDecoder decoder = decoder(Duration.ofMillis(200));
        String token = issuer.token(ALICE);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);

        issuer.jwksAvailable(true);
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .untilAsserted(() -> assertThat(decoder.decode(token).getSubject()).isEqualTo(ALICE.id().toString()));
    }

    private JwtDecoder decoder(Duration minRefreshInterval) {
        SecurityProperties properties = new SecurityProperties(TestJwtIssuer.ISSUER, URI.create(issuer.jwksUri()),
                Duration.ofMinutes(10), minRefreshInterval, Duration.ofSeconds(30), List.of());
        return AccessTokens.decoder(AccessTokens.remoteJwks(properties, () -> {
            throw new AssertionError("a loopback address needs no load balancer");
        }), properties);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
