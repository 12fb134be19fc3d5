package io.cryptotracker.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.auth.account.Roles;
import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.SecurityProperties;
import io.cryptotracker.common.security.Tier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SigningKeyRingTest {

    private static final SigningKey OLD = PemKeys.generate("2026-10");
    private static final SigningKey NEW = PemKeys.generate("2026-11");
    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    private final UserAccount user = UserAccount.create(UUID.randomUUID(), "Alice@Example.com", "alice", "hash",
            Roles.USER, Instant.now());

    @Test
    void theActiveKeySignsAndTokensNameItInTheKidHeader() throws Exception {
        SigningKeyRing ring = new SigningKeyRing(List.of(OLD, NEW), "2026-11");
        SignedJWT token = SignedJWT.parse(issuer(ring).issue(user).value());
        assertThat(token.getHeader().getKeyID()).isEqualTo("2026-11");
        assertThat(token.verify(new RSASSAVerifier(NEW.publicKey()))).isTrue();
        assertThat(token.verify(new RSASSAVerifier(OLD.publicKey()))).isFalse();
    }

    @Test
    void tokensSignedWithTheOldKeyStillVerifyWhileItIsOnTheRing() {
        SigningKeyRing before = new SigningKeyRing(List.of(OLD), null);
        String oldToken = issuer(before).issue(user).value();
        SigningKeyRing rotated = new SigningKeyRing(List.of(OLD, NEW), "2026-11");
        JwtDecoder verifier = decoder(rotated);
        assertThat(AccessTokens.user(verifier.decode(oldToken)).id()).isEqualTo(user.id());

        SigningKeyRing retired = new SigningKeyRing(List.of(NEW), null);
        assertThatThrownBy(() -> decoder(retired).decode(oldToken))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void accessTokensCarryEveryClaimTheVerifiersRelyOnAndNothingElse() throws Exception {
        SigningKeyRing ring = new SigningKeyRing(List.of(NEW), null);
        AccessTokenIssuer.AccessToken token = issuer(ring).issue(user);

        AuthenticatedUser verified = AccessTokens.user(decoder(ring).decode(token.value()));
        assertThat(verified).isEqualTo(new AuthenticatedUser(user.id(), "Alice@Example.com", Tier.FREE,
                Set.of("USER")));

        SignedJWT jws = SignedJWT.parse(token.value());
        assertThat(jws.verify(new RSASSAVerifier(NEW.publicKey()))).isTrue();
        // the header access tokens have always had: alg and kid, no typ
        assertThat(jws.getHeader().toJSONObject()).containsOnlyKeys("alg", "kid")
                .containsEntry("alg", "RS256").containsEntry("kid", "2026-11");
        JWTClaimsSet claims = jws.getJWTClaimsSet();
        assertThat(claims.getClaims()).containsOnlyKeys("iss", "sub", "jti", "iat", "exp", "email", "tier", "roles");
        assertThat(claims.getIssuer()).isEqualTo("cryptotracker");
        assertThat(claims.getSubject()).isEqualTo(user.id().toString());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("email")).isEqualTo("Alice@Example.com");
        assertThat(claims.getStringClaim("tier")).isEqualTo("FREE");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("USER"));
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(CLOCK.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond()
                - claims.getIssueTime().toInstant().getEpochSecond()).isEqualTo(900);
        assertThat(token.expiresAt()).isEqualTo(claims.getExpirationTime().toInstant());
        assertThat(token.ttl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theJwksPublishesEveryKeysPublicHalfWithKidKtyAlgUseNAndE() throws Exception {
        SigningKeyRing ring = new SigningKeyRing(List.of(OLD, NEW), "2026-11");
        String json = ring.publicKeys().toString();
        JsonNode jwks = JsonMapper.builder().build().readTree(json);
        assertThat(jwks.get("keys")).hasSize(2);
        for (JsonNode key : jwks.get("keys")) {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(key.get("n").asString()).isNotBlank();
            assertThat(key.get("e").asString()).isEqualTo("AQAB");
            assertThat(key.has("d")).as("no private parts").isFalse();
            assertThat(key.has("p")).isFalse();
        }
        Map<String, RSAPublicKey> byId = new HashMap<>();
        for (JWK jwk : JWKSet.parse(json).getKeys()) {
            assertThat(jwk.isPrivate()).isFalse();
            byId.put(jwk.getKeyID(), jwk.toRSAKey().toRSAPublicKey());
        }
        assertThat(byId).containsOnlyKeys("2026-10", "2026-11");
        assertThat(byId.get("2026-11")).isEqualTo(NEW.publicKey());
        assertThat(byId.get("2026-10")).isEqualTo(OLD.publicKey());
        assertThat(ring.keyIds()).containsExactly("2026-10", "2026-11");
    }

    @Test
    void severalKeysNeedAnActiveKeyIdThatNamesOneOfThem() {
        assertThat(new SigningKeyRing(List.of(OLD, NEW), "2026-10").active().id()).isEqualTo("2026-10");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(OLD, NEW), null))
                .hasMessageContaining("active-key-id");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(OLD, NEW), "2027-01"))
                .hasMessageContaining("names no configured key");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(OLD, OLD), "2026-10"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AccessTokenIssuer issuer(SigningKeyRing ring) {
        return new AccessTokenIssuer(ring, "cryptotracker", Duration.ofMinutes(15), CLOCK);
    }

    private static JwtDecoder decoder(SigningKeyRing ring) {
        return AccessTokens.decoder(new ImmutableJWKSet<>(ring.publicKeys()), new SecurityProperties("cryptotracker",
                null, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(30), List.of()));
    }
}
