package io.cryptotracker.users.subscription;

import java.time.Duration;
import java.time.Instant;

import io.cryptotracker.common.web.ValidationException;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PUT /admin/users/{id}/subscription}: {@code {"plan": "VIP", "expires_at": <future time>}}
 * grants or extends VIP, {@code {"plan": "FREE"}} ends it now.
 */
public record AdminChange(@NotNull(message = "must be FREE or VIP") Subscription.Plan plan, Instant expiresAt) {

    /** How far ahead an admin may set a VIP plan's end: further is almost surely a typo. */
    static final Duration MAX_VIP_AHEAD = Duration.ofDays(3660);

    /**
     * {@code expires_at} against the plan and the clock: required and in the next ten years for VIP, absent for
     * FREE.
     *
     * @throws ValidationException naming {@code expires_at}
     */
    AdminChange checked(Instant now) {
        if (plan == Subscription.Plan.FREE && expiresAt != null) {
            throw new ValidationException("expires_at", "must be left out for FREE: the plan ends VIP at once");
        }
        if (plan == Subscription.Plan.VIP) {
            if (expiresAt == null) {
                throw new ValidationException("expires_at", "is required for VIP, e.g. 2026-12-31T00:00:00Z");
            }
            if (!expiresAt.isAfter(now)) {
                throw new ValidationException("expires_at", "must be in the future");
            }
            if (expiresAt.isAfter(now.plus(MAX_VIP_AHEAD))) {
                throw new ValidationException("expires_at", "must be at most ten years ahead");
            }
        }
        return this;
    }
}
