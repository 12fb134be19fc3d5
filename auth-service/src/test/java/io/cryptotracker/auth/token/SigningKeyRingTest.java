package io.cryptotracker.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import io.jsonwebtoken.Jwts;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SigningKeyRingTest {

    private static final SigningKey OLD = PemKeys.generate("2026-10");
    private static final SigningKey NEW = PemKeys.generate("2026-11");
    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    private final UserAccount user = UserAccount.create(UUID.randomUUID(), "Alice@Example.com", "alice", "hash",
            Roles.USER, Instant.now());

    @Test
    void theActiveKeySignsAndTokensNameItInTheKidHeader() {
        SigningKeyRing ring = new SigningKeyRing(List.of(OLD, NEW), "2026-11");
        String token = new AccessTokenIssuer(ring, "cryptotracker", Duration.ofMinutes(15), CLOCK).issue(user).value();
        assertThat(Jwts.parser().verifyWith(NEW.publicKey()).build().parseSignedClaims(token).getHeader().getKeyId())
                .isEqualTo("2026-11");
    }

    @Test
    void tokensSignedWithTheOldKeyStillVerifyWhileItIsOnTheRing() {
        SigningKeyRing before = new SigningKeyRing(List.of(OLD), null);
        String oldToken = new AccessTokenIssuer(before, "cryptotracker", Duration.ofMinutes(15), CLOCK).issue(user)
                .value();
        SigningKeyRing rotated = new SigningKeyRing(List.of(OLD, NEW), "2026-11");
        JwtDecoder verifier = decoder(rotated);
        assertThat(AccessTokens.user(verifier.decode(oldToken)).id()).isEqualTo(user.id());

        SigningKeyRing retired = new SigningKeyRing(List.of(NEW), null);
        assertThatThrownBy(() -> decoder(retired).decode(oldToken))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void accessTokensCarryEveryClaimTheVerifiersRelyOn() {
        SigningKeyRing ring = new SigningKeyRing(List.of(NEW), null);
        AccessTokenIssuer.AccessToken token = new AccessTokenIssuer(ring, "cryptotracker", Duration.ofMinutes(15),
                CLOCK).issue(user);

        AuthenticatedUser verified = AccessTokens.user(decoder(ring).decode(token.value()));
        assertThat(verified).isEqualTo(new AuthenticatedUser(user.id(), "Alice@Example.com", Tier.FREE,
                Set.of("USER")));

        var claims = Jwts.parser().verifyWith(NEW.publicKey()).build().parseSignedClaims(token.value());
        assertThat(claims.getHeader().getAlgorithm()).isEqualTo("RS256");
        assertThat(claims.getPayload().getIssuer()).isEqualTo("cryptotracker");
        assertThat(claims.getPayload().getSubject()).isEqualTo(user.id().toString());
        assertThat(claims.getPayload().getId()).isNotBlank();
        assertThat(claims.getPayload().get("roles")).isEqualTo(List.of("USER"));
        assertThat(claims.getPayload().getExpiration().toInstant().getEpochSecond()
                - claims.getPayload().getIssuedAt().toInstant().getEpochSecond()).isEqualTo(900);
        assertThat(token.ttl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theJwksPublishesEveryKeyWithKidKtyAlgUseNAndE() {
        SigningKeyRing ring = new SigningKeyRing(List.of(OLD, NEW), "2026-11");
        JsonNode jwks = JsonMapper.builder().build().readTree(ring.jwksJson());
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
        JwkSet parsed = Jwks.setParser().build().parse(ring.jwksJson());
        Map<String, PublicKey> byId = new HashMap<>();
        for (Jwk<?> jwk : parsed.getKeys()) {
            byId.put(jwk.getId(), (PublicKey) jwk.toKey());
        }
        assertThat(byId).containsOnlyKeys("2026-10", "2026-11");
        assertThat(byId.get("2026-11")).isEqualTo(NEW.publicKey());
        assertThat(byId.get("2026-10")).isEqualTo(OLD.publicKey());
    }

    @Test
    void findsPublicKeysByKidForTheVerifier() {
        SigningKeyRing ring = new SigningKeyRing(List.of(OLD, NEW), "2026-10");
        assertThat(ring.active().id()).isEqualTo("2026-10");
        assertThat(ring.find("2026-11")).contains(NEW.publicKey());
        assertThat(ring.find("other")).isEmpty();
    }

    @Test
    void severalKeysNeedAnActiveKeyIdThatNamesOneOfThem() {
        assertThatThrownBy(() -> new SigningKeyRing(List.of(OLD, NEW), null))
                .hasMessageContaining("active-key-id");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(OLD, NEW), "2027-01"))
                .hasMessageContaining("names no configured key");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(OLD, OLD), "2026-10"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new SigningKeyRing(List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JwtDecoder decoder(SigningKeyRing ring) {
        return AccessTokens.decoder(ring.publicKeys(), new SecurityProperties("cryptotracker", null,
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(30), List.of()));
    }
}
