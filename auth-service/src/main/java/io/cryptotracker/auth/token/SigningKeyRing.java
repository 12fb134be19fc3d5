package io.cryptotracker.auth.token;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.cryptotracker.common.security.JwtClaims;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;

/**
 * The signing keys auth-service holds: the active key signs new access tokens; every key (the active one and
 * older ones kept until their tokens expire) verifies and is published in the JWKS.
 */
public final class SigningKeyRing {

    private final Map<String, SigningKey> keys;
    private final SigningKey active;
    private final String jwks;

    /**
     * @param activeKeyId the key that signs; may be blank when there is exactly one key
     */
    public SigningKeyRing(List<SigningKey> keys, String activeKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("The key ring needs at least one key");
        }
        Map<String, SigningKey> byId = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            if (key.id() == null || key.id().isBlank()) {
                throw new IllegalArgumentException("Every signing key needs an id");
            }
            if (byId.put(key.id(), key) != null) {
                throw new IllegalArgumentException("Signing key id " + key.id() + " is configured twice");
            }
        }
        this.keys = Map.copyOf(byId);
        if (activeKeyId == null || activeKeyId.isBlank()) {
            if (keys.size() != 1) {
                throw new IllegalArgumentException("Several signing keys are configured: set "
                        + "cryptotracker.auth.active-key-id to the one that signs");
            }
            this.active = keys.get(0);
        }
        else {
            this.active = Optional.ofNullable(byId.get(activeKeyId)).orElseThrow(() -> new IllegalArgumentException(
                    "cryptotracker.auth.active-key-id " + activeKeyId + " names no configured key"));
        }
        this.jwks = byId.values().stream().map(SigningKeyRing::publicJwkJson)
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    public SigningKey active() {
        return active;
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId)).map(SigningKey::publicKey);
    }

    /** Every key's public half, for this service's own token decoder (common-lib's {@code AccessTokens}). */
    public JWKSource<SecurityContext> publicKeys() {
        return new ImmutableJWKSet<>(new JWKSet(keys.values().stream().<JWK>map(key -> new RSAKey.Builder(
                key.publicKey()).keyID(key.id()).keyUse(KeyUse.SIGNATURE).build()).toList()));
    }

    /** The JWK Set document: for each key its kid, kty RSA, alg RS256, use sig, n and e. */
    public String jwksJson() {
        return jwks;
    }

    public List<String> keyIds() {
        return keys.keySet().stream().sorted().toList();
    }

    private static String publicJwkJson(SigningKey key) {
        RsaPublicJwk jwk = Jwks.builder().key(key.publicKey()).id(key.id()).algorithm(JwtClaims.ALGORITHM)
                .publicKeyUse("sig").build();
        return Jwks.json(jwk);
    }
}
