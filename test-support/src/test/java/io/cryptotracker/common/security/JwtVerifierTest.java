package io.cryptotracker.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cryptotracker.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final TestJwtIssuer issuer = new TestJwtIssuer();

    private static final AuthenticatedUser ALICE = new AuthenticatedUser(UUID.randomUUID(), "alice@example.com",
            Tier.VIP, Set.of("USER", "ADMIN"));

    private final JwtVerifier verifier = new JwtVerifier(
            kid -> kid.equals(issuer.keyId()) ? Optional.of(issuer.publicKey()) : Optional.empty(),
            TestJwtIssuer.ISSUER, Duration.ofSeconds(30));

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void validTokenYieldsTheUserItDescribes() {
        AuthenticatedUser user = verifier.verify(issuer.token(ALICE));

        assertThat(user).isEqualTo(ALICE);
        assertThat(user.isAdmin()).isTrue();
        assertThat(user.isVip()).isTrue();
    }

    @Test
    void expiredTokenIsRefused() {
        String token = issuer.token(ALICE, TestJwtIssuer.ISSUER, Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(15));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        String token = issuer.token(ALICE, "someone-else", Instant.now(), Duration.ofMinutes(15));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = issuer.token(ALICE).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"VIP\"", "\"FREE\"");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String[] parts = issuer.token(ALICE).split("\\.");
        String none = b64("{\"alg\":\"none\",\"kid\":\"" + issuer.keyId() + "\"}") + "." + parts[1] + ".";

        assertThatThrownBy(() -> verifier.verify(none)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void hs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
        String[] parts = issuer.token(ALICE).split("\\.");
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"" + issuer.keyId() + "\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(issuer.publicKey().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> verifier.verify(header + "." + parts[1] + "." + signature))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("Algorithm not allowed");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefused() {
        try (TestJwtIssuer stranger = new TestJwtIssuer()) {
            assertThatThrownBy(() -> verifier.verify(stranger.token(ALICE))).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void garbageAndBlankTokensAreRefused() {
        assertThatThrownBy(() -> verifier.verify("not.a.jwt")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(" ")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(InvalidTokenException.class);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
