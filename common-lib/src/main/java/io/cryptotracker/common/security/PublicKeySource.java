package io.cryptotracker.common.security;

import java.security.PublicKey;
import java.util.Optional;

/** Finds the public key that verifies tokens signed under a key id. */
@FunctionalInterface
public interface PublicKeySource {

    Optional<PublicKey> find(String keyId);
}
