package io.cryptotracker.auth.throttle;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed-login counters and locks in PostgreSQL ({@code login_throttle}), so every replica sees the same state and
 * it survives restarts. A failure is recorded under a row lock, so concurrent failures all count.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginThrottlePolicy accountPolicy;
    private final LoginThrottlePolicy ipPolicy;

    public LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties) {
        this.jdbc = jdbc;
        this.accountPolicy = new LoginThrottlePolicy(properties.account());
        this.ipPolicy = new LoginThrottlePolicy(properties.ip());
    }

    /** A lock imposed by a failure: which key, and for how long. */
    public record Lockout(ThrottleKey key, Duration lock) {
    }

    /** The longest remaining lock among the keys, if any of them is locked. */
    public Optional<Duration> remainingLock(List<ThrottleKey> keys, Instant now) {
        Duration longest = null;
        for (ThrottleKey key : keys) {
            Optional<Duration> remaining = state(key, false).flatMap(state -> policy(key).remainingLock(state, now));
            if (remaining.isPresent() && (longest == null || remaining.get().compareTo(longest) > 0)) {
                longest = remaining.get();
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * Counts a failure against each key (in the order given: callers keep one order, so there are no deadlocks).
     *
     * @return the locks this failure imposed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Lockout> recordFailure(List<ThrottleKey> keys, Instant now) {
        List<Lockout> lockouts = new ArrayList<>();
        for (ThrottleKey key : keys) {
            jdbc.sql("INSERT INTO login_throttle (scope, subject, failures, last_failure_at) VALUES (?, ?, 0, ?) "
                    + "ON CONFLICT DO NOTHING").params(key.scope().name(), key.subject(), ts(Instant.EPOCH)).update();
            ThrottleState before = state(key, true).orElse(ThrottleState.CLEAN);
            LoginThrottlePolicy policy = policy(key);
            ThrottleState after = policy.afterFailure(before, now);
            jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? "
                    + "WHERE scope = ? AND subject = ?")
                    .params(after.failures(), ts(after.lastFailureAt()), ts(after.lockedUntil()), key.scope().name(),
                            key.subject())
                    .update();
            if (policy.locks(before, after)) {
                lockouts.add(new Lockout(key, Duration.between(now, after.lockedUntil())));
            }
        }
        return lockouts;
    }

    /** Forgets the key's failures (an account's, after a successful login). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void clear(ThrottleKey key) {
        jdbc.sql("DELETE FROM login_throttle WHERE scope = ? AND subject = ?").params(key.scope().name(), key.subject())
                .update();
    }

    /** Deletes rows whose failures are forgotten and whose lock is over. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ? "
                + "AND (locked_until IS NULL OR locked_until < ?)").params(ts(cutoff), ts(cutoff)).update();
    }

    private Optional<ThrottleState> state(ThrottleKey key, boolean forUpdate) {
        return jdbc.sql("SELECT failures, last_failure_at, locked_until FROM login_throttle "
                + "WHERE scope = ? AND subject = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .params(key.scope().name(), key.subject())
                .query((rs, row) -> new ThrottleState(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private LoginThrottlePolicy policy(ThrottleKey key) {
        return key.scope() == ThrottleKey.Scope.ACCOUNT ? accountPolicy : ipPolicy;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
