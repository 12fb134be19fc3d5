package io.cryptotracker.auth.account;

import java.util.List;

import io.cryptotracker.common.security.AuthenticatedUser;

/** The role sets accounts are created with. */
public final class Roles {

    public static final List<String> USER = List.of(AuthenticatedUser.ROLE_USER);
    public static final List<String> ADMIN = List.of(AuthenticatedUser.ROLE_USER, AuthenticatedUser.ROLE_ADMIN);

    private Roles() {
    }
}
