package io.cryptotracker.testsupport;

import java.util.Objects;

/**
 * How a service logs in to its own database: the JDBC URL, its login role and that role's password.
 * {@link #toString()} leaves the password out, so a login can be logged or shown in an assertion message.
 */
public record DatabaseLogin(String jdbcUrl, String username, String password) {

    public DatabaseLogin {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + username + " @ " + jdbcUrl + ", password hidden]";
    }
}
