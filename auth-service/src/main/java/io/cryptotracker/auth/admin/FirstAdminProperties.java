package io.cryptotracker.auth.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, from {@code CRYPTOTRACKER_ADMIN_EMAIL} / {@code CRYPTOTRACKER_ADMIN_PASSWORD} (and
 * optionally {@code CRYPTOTRACKER_ADMIN_USERNAME}). Nothing happens unless email and password are both set.
 */
@ConfigurationProperties("cryptotracker.admin")
public record FirstAdminProperties(String email, String password, @DefaultValue("admin") String username) {

    public boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "FirstAdminProperties[email=" + (email == null ? null : "(set)") + ", password=(hidden), username="
                + username + "]";
    }
}
