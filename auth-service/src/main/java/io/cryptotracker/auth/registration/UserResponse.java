package io.cryptotracker.auth.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.common.security.Tier;

/** A registered user as the API shows it: {@code {id, email, username, created_at, tier, roles}}. */
public record UserResponse(UUID id, String email, String username, Instant createdAt, Tier tier, List<String> roles) {

    static UserResponse of(UserAccount account) {
        return new UserResponse(account.id(), account.email(), account.username(), account.createdAt(),
                account.tier(), account.roles());
    }
}
