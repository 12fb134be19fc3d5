package io.cryptotracker.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(
            new ThrottleRule(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)));

    @Test
    void fourFailuresDoNotLockTheFifthLocksForThirtySeconds() {
        ThrottleState state = ThrottleState.CLEAN;
        for (int i = 1; i <= 4; i++) {
            state = policy.afterFailure(state, T0.plusSeconds(i));
            assertThat(policy.remainingLock(state, T0.plusSeconds(i))).isEmpty();
        }
        ThrottleState fifth = policy.afterFailure(state, T0.plusSeconds(5));
        assertThat(policy.locks(state, fifth)).isTrue();
        assertThat(policy.remainingLock(fifth, T0.plusSeconds(5))).contains(Duration.ofSeconds(30));
        assertThat(policy.remainingLock(fifth, T0.plusSeconds(20))).contains(Duration.ofSeconds(15));
        assertThat(policy.remainingLock(fifth, T0.plusSeconds(35))).isEmpty();
    }

    @Test
    void eachFailureBeyondTheThresholdDoublesTheLockUpToFifteenMinutes() {
        assertThat(policy.lockFor(4)).isZero();
        assertThat(policy.lockFor(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.lockFor(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.lockFor(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.lockFor(9)).isEqualTo(Duration.ofSeconds(480));
        assertThat(policy.lockFor(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockFor(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aFailureAfterTheLockExpiredLocksAgainForLonger() {
        ThrottleState state = new ThrottleState(5, T0, T0.plusSeconds(30));
        ThrottleState sixth = policy.afterFailure(state, T0.plusSeconds(31));
        assertThat(sixth.failures()).isEqualTo(6);
        assertThat(policy.remainingLock(sixth, T0.plusSeconds(31))).contains(Duration.ofSeconds(60));
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        ThrottleState state = new ThrottleState(9, T0, T0.plusSeconds(480));
        ThrottleState later = policy.afterFailure(state, T0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.lockedUntil()).isNull();
        assertThat(policy.locks(state, later)).isFalse();
    }

    @Test
    void aHigherThresholdForAddressesLocksOnlyAtTheTwentiethFailure() {
        LoginThrottlePolicy perIp = new LoginThrottlePolicy(
                new ThrottleRule(20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)));
        ThrottleState state = ThrottleState.CLEAN;
        for (int i = 1; i <= 19; i++) {
            state = perIp.afterFailure(state, T0.plusSeconds(i));
        }
        assertThat(perIp.remainingLock(state, T0.plusSeconds(19))).isEmpty();
        state = perIp.afterFailure(state, T0.plusSeconds(20));
        assertThat(perIp.remainingLock(state, T0.plusSeconds(20))).contains(Duration.ofSeconds(30));
    }
}
