package io.cryptotracker.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opaque refresh token a client holds: 256 random bits, Base64url without padding. Only its SHA-256 is
 * stored, so a copy of the database does not hand out sessions.
 */
public final class RefreshTokenSecret {

    static final int BYTES = 32;
    static final int ENCODED_LENGTH = 43;

    private final String value;

    private RefreshTokenSecret(String value) {
        this.value = value;
    }

    public static RefreshTokenSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new RefreshTokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return value;
    }

    public byte[] hash() {
        return hash(value);
    }

    /** Whether a string a client sent can be a refresh token at all (saves a lookup for garbage). */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && candidate.length() == ENCODED_LENGTH
                && candidate.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    public static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenSecret[hidden]";
    }
}
