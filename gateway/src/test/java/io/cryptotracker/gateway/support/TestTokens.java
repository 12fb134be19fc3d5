package io.cryptotracker.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.RsaPublicJwk;

/** Access tokens minted the way auth-service mints them, and every kind of forgery a verifier must refuse. */
public final class TestTokens {

    public static final String ISSUER = "cryptotracker";
    public static final String KEY_ID = "test-key-1";
    public static final UUID USER_ID = UUID.fromString("6f1c2a7e-3b9d-4c52-9a0e-5d2b8f4e1a17");

    private static final KeyPair SIGNING_KEYS = Jwts.SIG.RS256.keyPair().build();
    private static final KeyPair FOREIGN_KEYS = Jwts.SIG.RS256.keyPair().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** The key auth-service verifies with (what the JWKS holds under {@link #KEY_ID}). */
    public static java.security.PublicKey publicKey() {
        return SIGNING_KEYS.getPublic();
    }

    /** What auth-service publishes at {@code /.well-known/jwks.json}. */
    public static String jwks() {
        RsaPublicJwk jwk = Jwks.builder().key((RSAPublicKey) SIGNING_KEYS.getPublic()).id(KEY_ID).build();
        JwkSet set = Jwks.set().add(jwk).build();
        return "{\"keys\":[" + String.join(",", set.getKeys().stream()
                .map(key -> Jwks.json((RsaPublicJwk) key)).toList()) + "]}";
    }

    public static String valid() {
        return signed(UnaryOperator.identity());
    }

    /** A valid token of another user, of the tier given ({@code FREE} or {@code VIP}). */
    public static String valid(UUID userId, String tier) {
        return signed(builder -> builder.subject(userId.toString()).claim("tier", tier));
    }

    public static String expired() {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return signed(builder -> builder.issuedAt(Date.from(issued))
                .expiration(Date.from(issued.plus(Duration.ofMinutes(15)))));
    }

    public static String wrongIssuer() {
        return signed(builder -> builder.issuer("someone-else"));
    }

    /** Signed by a key auth-service never published, under a key id nobody knows. */
    public static String unknownKeyId() {
        return claims(Jwts.builder().header().keyId("unknown-key").and())
                .signWith(FOREIGN_KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** Names the published key id but is signed by another key. */
    public static String signedByAnotherKey() {
        return claims(Jwts.builder().header().keyId(KEY_ID).and())
                .signWith(FOREIGN_KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** A valid token with one character of its signature changed. */
    public static String tamperedSignature() {
        String token = valid();
        int at = token.lastIndexOf('.') + 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    /** A FREE user's valid token whose payload was rewritten to VIP, keeping the original signature. */
    public static String tamperedPayload() {
        String[] parts = valid().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"FREE\"", "\"VIP\"");
        return parts[0] + "." + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** {@code alg: none}, no signature at all. */
    public static String unsigned() {
        String header = "{\"alg\":\"none\",\"kid\":\"" + KEY_ID + "\"}";
        String payload = valid().split("\\.")[1];
        return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    }

    /** The classic key-confusion forgery: HS256 with the RSA public key's bytes as the HMAC secret. */
    public static String hs256WithPublicKeyBytes() {
        return claims(Jwts.builder().header().keyId(KEY_ID).and())
                .signWith(Keys.hmacShaKeyFor(SIGNING_KEYS.getPublic().getEncoded()), Jwts.SIG.HS256).compact();
    }

    private static String signed(UnaryOperator<JwtBuilder> customizer) {
        JwtBuilder builder = claims(Jwts.builder().header().keyId(KEY_ID).and());
        return customizer.apply(builder).signWith(SIGNING_KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    }

    private static JwtBuilder claims(JwtBuilder builder) {
        Instant now = Instant.now();
        return builder.subject(USER_ID.toString())
                .issuer(ISSUER)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("email", "trader@example.com")
                .claim("tier", "FREE")
                .claim("roles", List.of("USER"));
    }
}
