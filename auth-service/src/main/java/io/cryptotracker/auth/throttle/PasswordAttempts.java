package io.cryptotracker.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cryptotracker.auth.account.EmailAddress;
import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.audit.AuditTrail;
import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.common.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bookkeeping around every password prompt (login, and the current password of change-password): refuse while
 * the account or the address is locked, count failures, audit them and any lock they impose, clear the account's
 * count on success.
 */
@Component
public class PasswordAttempts {

    private static final Logger log = LoggerFactory.getLogger(PasswordAttempts.class);

    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PasswordAttempts(LoginThrottle throttle, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The account's key first, then the address's: every caller locks rows in this order. */
    public static List<ThrottleKey> keys(String email, RequestOrigin origin) {
        return List.of(ThrottleKey.account(email), ThrottleKey.ip(origin.ip()));
    }

    /**
     * @throws TooManyRequestsException (429 with Retry-After) while any of the keys is locked
     */
    public void refuseWhileLocked(List<ThrottleKey> keys) {
        throttle.remainingLock(keys, now()).ifPresent(remaining -> {
            throw locked(remaining);
        });
    }

    /** Counts a failure in a transaction of its own and audits it (for an existing account) with its locks. */
    public void failed(Optional<UserAccount> user, List<ThrottleKey> keys, RequestOrigin origin,
            AuditTrail.Action action) {
        transactions.executeWithoutResult(status -> {
            List<LoginThrottle.Lockout> lockouts = throttle.recordFailure(keys, now());
            user.ifPresent(account -> audit.record(account.id(), action, AuditTrail.FAILURE, origin, Map.of()));
            for (LoginThrottle.Lockout lockout : lockouts) {
                String who = lockout.key().scope() == ThrottleKey.Scope.IP ? lockout.key().subject()
                        : user.map(UserAccount::email).map(EmailAddress::masked).orElse("(no such account)");
                log.warn("Sign-in locked for {} s after repeated failures: {} {}", lockout.lock().toSeconds(),
                        lockout.key().scope().label(), who);
                user.ifPresent(account -> audit.record(account.id(), AuditTrail.Action.LOGIN_LOCKED,
                        AuditTrail.FAILURE, origin, Map.of("scope", lockout.key().scope().label(), "lock_seconds",
                                Long.toString(lockout.lock().toSeconds()))));
            }
        });
    }

    /** Clears the account's failures; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(List<ThrottleKey> keys) {
        keys.stream().filter(key -> key.scope() == ThrottleKey.Scope.ACCOUNT).forEach(throttle::clear);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static TooManyRequestsException locked(Duration remaining) {
        return new TooManyRequestsException("login-locked",
                "Too many failed sign-in attempts. Please wait before trying again.", remaining);
    }
}
