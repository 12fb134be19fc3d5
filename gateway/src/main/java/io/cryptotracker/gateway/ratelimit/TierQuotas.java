package io.cryptotracker.gateway.ratelimit;

import jakarta.validation.Valid;

/**
 * The quota of each tier under one policy. In a policy's settings a tier left out keeps the default quota.
 */
public record TierQuotas(@Valid Quota anonymous, @Valid Quota free, @Valid Quota vip) {

    public Quota of(RateTier tier) {
        return switch (tier) {
            case ANONYMOUS -> anonymous;
            case FREE -> free;
            case VIP -> vip;
        };
    }

    /** These quotas with every tier that {@code overrides} names replaced. */
    TierQuotas with(TierQuotas overrides) {
        if (overrides == null) {
            return this;
        }
        return new TierQuotas(overrides.anonymous != null ? overrides.anonymous : anonymous,
                overrides.free != null ? overrides.free : free, overrides.vip != null ? overrides.vip : vip);
    }

    boolean complete() {
        return anonymous != null && free != null && vip != null;
    }
}
