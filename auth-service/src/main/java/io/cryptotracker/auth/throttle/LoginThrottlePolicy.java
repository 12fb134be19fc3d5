package io.cryptotracker.auth.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.cryptotracker.common.retry.RetryBackOff;

/**
 * The lock-out arithmetic: once failures reach the threshold, every further failure locks attempts for a growing
 * time – the first lock, doubled per failure beyond the threshold, capped at the maximum. Failures are forgotten
 * when none happened for a while, and a success (handled by the caller) clears an account's count.
 */
public final class LoginThrottlePolicy {

    private final ThrottleRule rule;
    private final RetryBackOff locks;

    public LoginThrottlePolicy(ThrottleRule rule) {
        this.rule = rule;
        this.locks = RetryBackOff.doubling(rule.firstLock(), rule.maxLock());
    }

    /** How long attempts are still refused, if they are. */
    public Optional<Duration> remainingLock(ThrottleState state, Instant now) {
        if (state.lockedUntil() == null || !now.isBefore(state.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.lockedUntil()));
    }

    /** The state after one more failure at {@code now}. */
    public ThrottleState afterFailure(ThrottleState state, Instant now) {
        boolean forgotten = state.lastFailureAt().plus(rule.forgetAfter()).isBefore(now);
        int failures = (forgotten ? 0 : state.failures()) + 1;
        Instant lockedUntil = forgotten ? null : state.lockedUntil();
        if (failures >= rule.threshold()) {
            lockedUntil = now.plus(lockFor(failures));
        }
        return new ThrottleState(failures, now, lockedUntil);
    }

    /** Whether this failure imposed a new lock. */
    public boolean locks(ThrottleState before, ThrottleState after) {
        return after.lockedUntil() != null && !after.lockedUntil().equals(before.lockedUntil());
    }

    /** The lock a given failure count earns: none below the threshold, then doubling from the first lock. */
    public Duration lockFor(int failures) {
        if (failures < rule.threshold()) {
            return Duration.ZERO;
        }
        return locks.pauseAfter(failures - rule.threshold());
    }
}
