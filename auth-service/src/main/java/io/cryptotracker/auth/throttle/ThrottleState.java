package io.cryptotracker.auth.throttle;

import java.time.Instant;

/**
 * Failed logins of one account or one client address.
 *
 * @param failures consecutive failures not yet forgotten
 * @param lastFailureAt when the last one happened
 * @param lockedUntil attempts are refused until then; null when not locked
 */
public record ThrottleState(int failures, Instant lastFailureAt, Instant lockedUntil) {

    public static final ThrottleState CLEAN = new ThrottleState(0, Instant.EPOCH, null);
}
