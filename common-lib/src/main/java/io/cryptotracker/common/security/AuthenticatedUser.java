package io.cryptotracker.common.security;

import java.util.Set;
import java.util.UUID;

/** The caller as a verified access token describes them. */
public record AuthenticatedUser(UUID id, String email, Tier tier, Set<String> roles) {

    public static final String ROLE_USER = "USER";
    public static final String ROLE_ADMIN = "ADMIN";

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }

    public boolean isVip() {
        return tier == Tier.VIP;
    }
}
