package io.cryptotracker.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.common.security.JwtClaims;
import io.jsonwebtoken.Jwts;

/**
 * Mints access tokens: RS256 JWTs signed with the key ring's active key, naming it in {@code kid}, carrying
 * {@code sub} (user id), {@code email}, {@code tier}, {@code roles}, {@code iat}, {@code exp}, {@code jti} and
 * {@code iss}, exactly what common-lib's {@code AccessTokens} checks.
 */
public final class AccessTokenIssuer {

    private final SigningKeyRing keys;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeyRing keys, String issuer, Duration ttl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public AccessToken issue(UserAccount user) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl);
        SigningKey key = keys.active();
        String token = Jwts.builder()
                .header().keyId(key.id()).and()
                .issuer(issuer)
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .claim(JwtClaims.EMAIL, user.email())
                .claim(JwtClaims.TIER, user.tier().name())
                .claim(JwtClaims.ROLES, user.roles())
                .signWith(key.privateKey(), Jwts.SIG.RS256)
                .compact();
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
