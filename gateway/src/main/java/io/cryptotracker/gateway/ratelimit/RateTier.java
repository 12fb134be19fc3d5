package io.cryptotracker.gateway.ratelimit;

import io.cryptotracker.common.security.AuthenticatedUser;

/** Whose bucket a request is charged to: a caller without a verified token, or a user of a plan. */
public enum RateTier {
    ANONYMOUS, FREE, VIP;

    /** The tier of a verified user, or {@link #ANONYMOUS} when the request carried no verified token. */
    public static RateTier of(AuthenticatedUser user) {
        if (user == null) {
            return ANONYMOUS;
        }
        return user.isVip() ? VIP : FREE;
    }
}
