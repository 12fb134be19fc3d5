package io.cryptotracker.auth.throttle;

import java.time.Duration;

/**
 * When failed logins lock further attempts.
 *
 * @param threshold the failure that first locks (the 5th, say)
 * @param firstLock how long that first lock lasts; each further failure doubles it
 * @param maxLock the longest lock
 * @param forgetAfter failures are forgotten when none happened for this long
 */
public record ThrottleRule(int threshold, Duration firstLock, Duration maxLock, Duration forgetAfter) {

    public ThrottleRule {
        if (threshold < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("A throttle needs threshold >= 1 and 0 < first lock <= max lock");
        }
    }
}
