package io.cryptotracker.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Access tokens minted the way auth-service mints them, and every kind of forgery a verifier must refuse. */
public final class TestTokens {

    public static final String ISSUER = "cryptotracker";
    public static final String KEY_ID = "test-key-1";
    public static final UUID USER_ID = UUID.fromString("6f1c2a7e-3b9d-4c52-9a0e-5d2b8f4e1a17");

    private static final RSAKey SIGNING_KEY = generate(KEY_ID);
    private static final RSAKey FOREIGN_KEY = generate("unknown-key");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** The key auth-service verifies with (what the JWKS holds under {@link #KEY_ID}). */
    public static java.security.PublicKey publicKey() {
        try {
            return SIGNING_KEY.toPublicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What auth-service publishes at {@code /.well-known/jwks.json}. */
    public static String jwks() {
        return new JWKSet(SIGNING_KEY.toPublicJWK()).toString();
    }

    public static String valid() {
        return signed(UnaryOperator.identity());
    }

    /** A valid token of another user, of the tier given ({@code FREE} or {@code VIP}). */
    public static String valid(UUID userId, String tier) {
        return signed(claims -> claims.subject(userId.toString()).claim("tier", tier));
    }

    public static String expired() {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return signed(claims -> claims.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)))));
    }

    public static String wrongIssuer() {
        return signed(claims -> claims.issuer("someone-else"));
    }

    /** Signed by a key auth-service never published, under a key id nobody knows. */
    public static String unknownKeyId() {
        return sign(JWSAlgorithm.RS256, "unknown-key", signer(FOREIGN_KEY), claims().build());
    }

    /** Names the published key id but is signed by another key. */
    public static String signedByAnotherKey() {
        return sign(JWSAlgorithm.RS256, KEY_ID, signer(FOREIGN_KEY), claims().build());
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
        try {
            return sign(JWSAlgorithm.HS256, KEY_ID, new MACSigner(publicKey().getEncoded()), claims().build());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> customizer) {
        return sign(JWSAlgorithm.RS256, KEY_ID, signer(SIGNING_KEY), customizer.apply(claims()).build());
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(USER_ID.toString())
                .issuer(ISSUER)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("email", "trader@example.com")
                .claim("tier", "FREE")
                .claim("roles", List.of("USER"));
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static JWSSigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
