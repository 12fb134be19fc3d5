package io.cryptotracker.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** One RS256 key pair of the key ring, named by the {@code kid} tokens signed with it carry. */
public record SigningKey(String id, RSAPrivateKey privateKey, RSAPublicKey publicKey) {

    /** Keeps key material out of logs and error messages. */
    @Override
    public String toString() {
        return "SigningKey[id=" + id + ", bits=" + publicKey.getModulus().bitLength() + "]";
    }
}
