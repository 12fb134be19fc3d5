package io.cryptotracker.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.JwtClaims;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints access tokens with Spring Security's {@link NimbusJwtEncoder}: RS256 JWTs signed with the key ring's active
 * key, naming it in {@code kid}, carrying {@code sub} (user id), {@code email}, {@code tier}, {@code roles},
 * {@code iat}, {@code exp}, {@code jti} and {@code iss}, exactly what common-lib's {@code AccessTokens} checks.
 */
public final class AccessTokenIssuer {

    private final JwtEncoder encoder;
    private final JwsHeader header;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeyRing keys, String issuer, Duration ttl, Clock clock) {
        this.encoder = new NimbusJwtEncoder(keys.signingKeys());
        this.header = JwsHeader.with(AccessTokens.ALGORITHM).keyId(keys.active().id()).build();
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public AccessToken issue(UserAccount user) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim(JwtClaims.EMAIL, user.email())
                .claim(JwtClaims.TIER, user.tier().name())
                .claim(JwtClaims.ROLES, user.roles())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, expiresAt, ttl);
    }

    /** A signed access token and how long it lives. */
    public record AccessToken(String value, Instant expiresAt, Duration ttl) {

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}
