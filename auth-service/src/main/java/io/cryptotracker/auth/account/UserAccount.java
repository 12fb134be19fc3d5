package io.cryptotracker.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.security.Tier;

/** An account as stored in {@code users}: credentials, roles, tier and status. */
public record UserAccount(UUID id, String email, String username, String passwordHash, List<String> roles, Tier tier,
        Status status, Instant createdAt, Instant updatedAt, Instant passwordChangedAt) {

    /** Whether an account may sign in. */
    public enum Status {
        ACTIVE, DISABLED
    }

    public UserAccount {
        roles = List.copyOf(roles);
    }

    /** A new active FREE account. */
    public static UserAccount create(UUID id, String email, String username, String passwordHash, List<String> roles,
            Instant now) {
        return new UserAccount(id, email, username, passwordHash, roles, Tier.FREE, Status.ACTIVE, now, now, now);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public String normalizedEmail() {
        return EmailAddress.normalize(email);
    }
}
