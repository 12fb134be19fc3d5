package io.cryptotracker.users.subscription;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.common.web.ConflictException;

/**
 * A user's plan and the rules for changing it. FREE is ACTIVE from registration (or from when an admin ended VIP);
 * VIP is ACTIVE, or CANCELLED by the user (no renewal, still VIP until {@code expiresAt}); when a VIP plan runs out it
 * becomes FREE with status EXPIRED, keeping the dates of the period that ended. Transitions return {@code this}
 * when they change nothing, so a caller can tell a real change by equality.
 */
public record Subscription(UUID userId, Plan plan, Status status, Instant startedAt, Instant expiresAt,
        boolean autoRenew) {

    public enum Plan {
        FREE, VIP
    }

    public enum Status {
        ACTIVE, CANCELLED, EXPIRED
    }

    public static Subscription free(UUID userId, Instant since) {
        return new Subscription(userId, Plan.FREE, Status.ACTIVE, since, null, false);
    }

    /** VIP while a VIP plan that is ACTIVE or CANCELLED has not reached {@code expiresAt}; FREE otherwise. */
    public Tier tier(Instant now) {
        return vipRunning(now) ? Tier.VIP : Tier.FREE;
    }

    boolean vipRunning(Instant now) {
        return plan == Plan.VIP && status != Status.EXPIRED && expiresAt != null && expiresAt.isAfter(now);
    }

    /**
     * An admin grants VIP until {@code until}: a running VIP period is extended (or shortened) and keeps its start,
     * status and auto-renew; otherwise a new ACTIVE period starts now with auto-renew on.
     *
     * @param until must be after {@code now} (checked by the caller's request parsing)
     */
    public Subscription grantVip(Instant until, Instant now) {
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("A VIP plan must end in the future");
        }
        if (vipRunning(now)) {
            return until.equals(expiresAt) ? this : new Subscription(userId, plan, status, startedAt, until, autoRenew);
        }
        return new Subscription(userId, Plan.VIP, Status.ACTIVE, now, until, true);
    }

    /** An admin ends VIP at once: FREE, ACTIVE from now. A FREE plan stays as it is. */
    public Subscription endVip(Instant now) {
        if (plan == Plan.FREE) {
            return this;
        }
        return free(userId, now);
    }

    /** The user cancels: no renewal, VIP until {@code expiresAt}. */
    public Subscription cancel(Instant now) {
        requireRunningVip(now);
        if (status == Status.CANCELLED) {
            return this;
        }
        return new Subscription(userId, plan, Status.CANCELLED, startedAt, expiresAt, false);
    }

    /** The user turns auto-renew on (which also undoes a cancellation) or off. */
    public Subscription autoRenew(boolean on, Instant now) {
        requireRunningVip(now);
        Status next = on ? Status.ACTIVE : status;
        if (next == status && on == autoRenew) {
            return this;
        }
        return new Subscription(userId, plan, next, startedAt, expiresAt, on);
    }

    /** At or after {@code expiresAt} a VIP plan becomes FREE and EXPIRED; anything else stays as it is. */
    public Subscription expire(Instant now) {
        if (plan != Plan.VIP || status == Status.EXPIRED || expiresAt == null || expiresAt.isAfter(now)) {
            return this;
        }
        return new Subscription(userId, Plan.FREE, Status.EXPIRED, startedAt, expiresAt, false);
    }

    public SubscriptionChanged changedEvent(Instant now) {
        return SubscriptionChanged.of(userId, plan.name(), status.name(), tier(now).name(), startedAt, expiresAt,
                autoRenew);
    }

    private void requireRunningVip(Instant now) {
        if (!vipRunning(now)) {
            throw new ConflictException("no-vip-subscription",
                    "There is no running VIP plan to cancel or renew: the plan is " + plan + " (" + status + ").");
        }
    }
}
