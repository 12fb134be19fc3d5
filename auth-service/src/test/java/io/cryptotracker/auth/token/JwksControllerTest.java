package io.cryptotracker.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.auth.account.Roles;
import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.SecurityProperties;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Tokens minted by {@link AccessTokenIssuer} verify with common-lib's decoder over the JWKS {@link JwksController}
 * serves, across a key rotation: the ring holds the previous key and the new, active one. (A plain unit test: the
 * endpoint's HTTP side, path, content type and caching, is covered over a real server by AuthServiceIntegrationTest.)
 */
class JwksControllerTest {

    static final SigningKey PREVIOUS = PemKeys.generate("2026-10");
    static final SigningKey CURRENT = PemKeys.generate("2026-11");

    private final SigningKeyRing rotated = new SigningKeyRing(List.of(PREVIOUS, CURRENT), CURRENT.id());
    private final JwksController controller = new JwksController(rotated,
            new TokenProperties(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofMinutes(5)));
    private final UserAccount user = UserAccount.create(UUID.randomUUID(), "bob@example.com", "bob", "hash",
            Roles.USER, Instant.now());

    @Test
    void theJwksIsCacheableJsonOfPublicKeysOnly() throws Exception {
        ResponseEntity<String> response = controller.jwks();

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("max-age=300, public");
        assertThat(servedJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(PREVIOUS.id(), CURRENT.id());
        assertThat(servedJwks().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void newTokensNameTheNewKeyAndVerifyAgainstTheServedJwks() throws Exception {
        String token = issuer(rotated).issue(user).value();

        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(CURRENT.id());
        assertThat(AccessTokens.user(decoder(servedJwks()).decode(token)).id()).isEqualTo(user.id());
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillVerifiesAfterTheRotation() throws Exception {
        String beforeRotation = issuer(new SigningKeyRing(List.of(PREVIOUS), null)).issue(user).value();

        assertThat(SignedJWT.parse(beforeRotation).getHeader().getKeyID()).isEqualTo(PREVIOUS.id());
        assertThat(AccessTokens.user(decoder(servedJwks()).decode(beforeRotation)).id()).isEqualTo(user.id());

        JWKSet retired = new JWKSet(servedJwks().getKeyByKeyId(CURRENT.id()));
        assertThatThrownBy(() -> decoder(retired).decode(beforeRotation)).isInstanceOf(BadJwtException.class);
    }

    private JWKSet servedJwks() throws ParseException {
        return JWKSet.parse(controller.jwks().getBody());
    }

    private static AccessTokenIssuer issuer(SigningKeyRing keys) {
        return new AccessTokenIssuer(keys, "cryptotracker", Duration.ofMinutes(15), Clock.systemUTC());
    }

    private static JwtDecoder decoder(JWKSet jwks) {
        return AccessTokens.decoder(new ImmutableJWKSet<>(jwks), new SecurityProperties("cryptotracker", null,
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(30), List.of()));
    }
}
