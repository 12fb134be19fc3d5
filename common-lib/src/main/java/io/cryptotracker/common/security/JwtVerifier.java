package io.cryptotracker.common.security;

import java.security.Key;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;

/**
 * Verifies CryptoTracker access tokens: RS256 only, a known {@code kid}, the pinned issuer, not expired, and the
 * claims a service relies on. Anything else ({@code alg: none}, HS256 signed with the public key, unknown key,
 * wrong issuer, missing claims) is an {@link InvalidTokenException}.
 */
public class JwtVerifier {

    private final JwtParser parser;

    public JwtVerifier(PublicKeySource keys, String issuer, Duration clockSkew) {
        this.parser = Jwts.parser()
                .keyLocator(new PinnedKeyLocator(keys))
                .requireIssuer(issuer)
                .clockSkewSeconds(clockSkew.toSeconds())
                .build();
    }

    public AuthenticatedUser verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("Missing token");
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        }
        catch (JwtException | IllegalArgumentException ex) {
            throw new InvalidTokenException("Invalid token: " + ex.getClass().getSimpleName(), ex);
        }
        if (claims.getExpiration() == null || claims.getId() == null) {
            throw new InvalidTokenException("Token lacks exp or jti");
        }
        return new AuthenticatedUser(userId(claims.getSubject()), claims.get(JwtClaims.EMAIL, String.class),
                tier(claims.get(JwtClaims.TIER, String.class)), roles(claims.get(JwtClaims.ROLES)));
    }

    private static UUID userId(String subject) {
        try {
            return UUID.fromString(subject);
        }
        catch (RuntimeException ex) {
            throw new InvalidTokenException("Token subject is not a user id");
        }
    }

    private static Tier tier(String value) {
        try {
            return Tier.valueOf(value);
        }
        catch (RuntimeException ex) {
            throw new InvalidTokenException("Token has no valid tier");
        }
    }

    private static Set<String> roles(Object value) {
        if (!(value instanceof Collection<?> list) || list.isEmpty()) {
            throw new InvalidTokenException("Token has no roles");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : list) {
            roles.add(String.valueOf(role));
        }
        return roles;
    }

    /** Chooses the key by {@code kid}, refusing any algorithm but the pinned one before a key is looked at. */
    private static final class PinnedKeyLocator extends LocatorAdapter<Key> {

        private static final List<String> ALLOWED = List.of(JwtClaims.ALGORITHM);

        private final PublicKeySource keys;

        PinnedKeyLocator(PublicKeySource keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(JwsHeader header) {
            if (!ALLOWED.contains(header.getAlgorithm())) {
                throw new InvalidTokenException("Algorithm not allowed: " + header.getAlgorithm());
            }
            String keyId = header.getKeyId();
            if (keyId == null) {
                throw new InvalidTokenException("Token has no key id");
            }
            return keys.find(keyId).orElseThrow(() -> new InvalidTokenException("Unknown key id"));
        }
    }
}
