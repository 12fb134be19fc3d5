package io.cryptotracker.common.security;

/** A user's service tier: FREE users see signals late, VIP users at once. */
public enum Tier {
    FREE, VIP
}
