package io.cryptotracker.auth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.cryptotracker.auth.account.EmailAddress;

/**
 * What failures are counted against: an account, named by the SHA-256 of its normalized email (so attempts on
 * emails nobody registered are throttled alike, and no email is stored for them), or a client address.
 */
public record ThrottleKey(Scope scope, String subject) {

    /** The two kinds of throttle. */
    public enum Scope {
        ACCOUNT, IP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ThrottleKey account(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EmailAddress.normalize(email).getBytes(StandardCharsets.UTF_8));
            return new ThrottleKey(Scope.ACCOUNT, HexFormat.of().formatHex(digest));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    public static ThrottleKey ip(String address) {
        return new ThrottleKey(Scope.IP, address == null ? "unknown" : address);
    }
}
