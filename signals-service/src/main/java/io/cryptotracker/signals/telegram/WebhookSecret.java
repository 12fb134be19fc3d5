package io.cryptotracker.signals.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the {@code X-Telegram-Bot-Api-Secret-Token} header in constant time: both sides are hashed first, so
 * neither the content nor the length of the secret shows in the timing. No configured secret accepts nothing.
 */
final class WebhookSecret {

    private final byte[] expected;

    WebhookSecret(String secret) {
        this.expected = secret == null || secret.isEmpty() ? null : sha256(secret);
    }

    boolean matches(String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    boolean configured() {
        return expected != null;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
