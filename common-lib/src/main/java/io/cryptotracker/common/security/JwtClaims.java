package io.cryptotracker.common.security;

/** Names and pinned parameters of CryptoTracker access tokens (SPEC "Identity, tokens, tiers"). */
public final class JwtClaims {

    /** The only signature algorithm a verifier accepts. */
    public static final String ALGORITHM = "RS256";

    public static final String EMAIL = "email";
    public static final String TIER = "tier";
    public static final String ROLES = "roles";

    private JwtClaims() {
    }
}
