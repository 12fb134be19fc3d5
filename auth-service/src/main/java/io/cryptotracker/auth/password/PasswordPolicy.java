package io.cryptotracker.auth.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NIST SP 800-63B style password rules: 8 to 128 characters (Unicode code points, so an emoji counts once), no
 * composition rules, and not guessable from context: not on the common-password list and not containing the
 * email's local part or the username (case-insensitively, for parts of at least three characters).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    static final int MIN_CONTEXT_PART = 3;

    private final CommonPasswords common;

    public PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /**
     * @return what is wrong with the password, empty when it is acceptable; never contains the password
     */
    public List<String> violations(String password, String email, String username) {
        List<String> violations = new ArrayList<>();
        if (password == null) {
            violations.add("must not be empty");
            return violations;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            violations.add("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            violations.add("must be at most " + MAX_LENGTH + " characters long");
        }
        String lowered = password.toLowerCase(Locale.ROOT);
        if (containsPart(lowered, localPart(email))) {
            violations.add("must not contain your email address");
        }
        if (containsPart(lowered, username)) {
            violations.add("must not contain your username");
        }
        if (common.contains(password)) {
            violations.add("is too common; choose one that is harder to guess");
        }
        return violations;
    }

    private static boolean containsPart(String loweredPassword, String part) {
        if (part == null) {
            return false;
        }
        String trimmed = part.strip();
        return trimmed.codePointCount(0, trimmed.length()) >= MIN_CONTEXT_PART
                && loweredPassword.contains(trimmed.toLowerCase(Locale.ROOT));
    }

    private static String localPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }
}
