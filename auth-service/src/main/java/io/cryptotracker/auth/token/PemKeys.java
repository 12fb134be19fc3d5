package io.cryptotracker.auth.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reads and writes RSA private keys as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
public final class PemKeys {

    static final int MIN_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /**
     * @param pem PKCS#8 PEM, or its Base64 body alone (handy in an environment variable)
     * @throws IllegalArgumentException for anything else; the message never repeats the input
     */
    public static SigningKey read(String id, String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("Key " + id + " is PKCS#1; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        String body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        RSAPrivateCrtKey privateKey;
        RSAPublicKey publicKey;
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        }
        catch (IllegalArgumentException | GeneralSecurityException | ClassCastException ex) {
            // the cause is left out on purpose: parser messages may quote the key
            throw new IllegalArgumentException("Key " + id + " is not a PKCS#8 PEM RSA private key");
        }
        return checked(new SigningKey(id, privateKey, publicKey));
    }

    public static String write(RSAPrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }

    public static SigningKey generate(String id) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(id, (RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    private static SigningKey checked(SigningKey key) {
        BigInteger modulus = key.publicKey().getModulus();
        if (modulus.bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("Key " + key.id() + " has " + modulus.bitLength()
                    + " bits; RS256 keys need at least " + MIN_BITS);
        }
        return key;
    }
}
