package io.cryptotracker.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.JwtVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers tokens this gateway has already verified, so a client that sends the same access token again costs a
 * map lookup instead of an RSA signature check and a JWT parse (the largest part of the gateway's CPU per request).
 * An entry is the exact token string, never longer than {@code ttl} and never past the token's own {@code exp}: a
 * cached token is accepted exactly as long as a fresh verification would accept it, minus the clock skew allowance.
 * Refused tokens are not remembered.
 */
public final class VerifiedTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JwtVerifier verifier;
    private final Clock clock;
    private final Duration ttl;
    private final Cache<String, Verified> cache;

    public VerifiedTokens(JwtVerifier verifier, Clock clock, Duration ttl, long maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.ttl = ttl;
        this.cache = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(ttl).build();
    }

    /** The user of a token verified earlier and still valid, or {@code null} when it must be verified. */
    public AuthenticatedUser remembered(String token) {
        if (ttl.isZero()) {
            return null;
        }
        Verified verified = cache.getIfPresent(token);
        if (verified == null) {
            return null;
        }
        if (!clock.instant().isBefore(verified.validUntil)) {
            cache.invalidate(token);
            return null;
        }
        return verified.user;
    }

    /** Verifies the token (throws {@code InvalidTokenException} if it is not valid) and remembers the result. */
    public AuthenticatedUser verify(String token) {
        AuthenticatedUser user = verifier.verify(token);
        if (!ttl.isZero()) {
            Instant expires = expiry(token);
            Instant limit = clock.instant().plus(ttl);
            if (expires != null) {
                cache.put(token, new Verified(user, expires.isBefore(limit) ? expires : limit));
            }
        }
        return user;
    }

    /** The {@code exp} of a token whose signature was just checked, or {@code null} if it has none. */
    static Instant expiry(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
        JsonNode exp = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("exp");
        return exp == null || !exp.isNumber() ? null : Instant.ofEpochSecond(exp.asLong());
    }

    private record Verified(AuthenticatedUser user, Instant validUntil) {
    }
}
