package io.cryptotracker.auth.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cryptotracker.common.security.JwtClaims;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The signing keys auth-service holds: the active key signs new access tokens; every key (the active one and
 * older ones kept until their tokens expire) verifies and is published in the JWKS.
 */
public final class SigningKeyRing {

    private final JWKSet keys;
    private final SigningKey active;

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
        this.keys = new JWKSet(byId.values().stream().<JWK>map(SigningKeyRing::jwk).toList());
    }

    public SigningKey active() {
        return active;
    }

    /** Every key with its private half, for Spring's {@code NimbusJwtEncoder}: a token's {@code kid} picks one. */
    JWKSource<SecurityContext> signingKeys() {
        return new ImmutableJWKSet<>(keys);
    }

    /**
     * The JWK Set of every key's public half (kid, kty RSA, alg RS256, use sig, n and e): what the JWKS serves and
     * this service's own token decoder (common-lib's {@code AccessTokens}) verifies with.
     */
    public JWKSet publicKeys() {
        return keys.toPublicJWKSet();
    }

    public List<String> keyIds() {
        return keys.getKeys().stream().map(JWK::getKeyID).sorted().toList();
    }

    private static RSAKey jwk(SigningKey key) {
        return new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.id())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.parse(JwtClaims.ALGORITHM)).build();
    }
}
