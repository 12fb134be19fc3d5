package io.cryptotracker.auth.account;

import java.util.Locale;

/** Email handling: the case-insensitive form accounts are looked up by, and a masked form fit for logs. */
public final class EmailAddress {

    private EmailAddress() {
    }

    /** Trimmed and lower-cased: {@code Alice@Example.COM} and {@code alice@example.com} are one account. */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code alice@example.com} becomes {@code a***@example.com}: enough to tell accounts apart in a log. */
    public static String masked(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
