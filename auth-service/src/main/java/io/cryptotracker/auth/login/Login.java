package io.cryptotracker.auth.login;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cryptotracker.auth.account.EmailAddress;
import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.audit.AuditTrail;
import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.auth.password.PasswordHasher;
import io.cryptotracker.auth.throttle.PasswordAttempts;
import io.cryptotracker.auth.throttle.ThrottleKey;
import io.cryptotracker.auth.token.Sessions;
import io.cryptotracker.auth.token.TokenPair;
import io.cryptotracker.common.web.UnauthorizedException;
import io.cryptotracker.common.web.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in: refuses attempts while the account or the client address is locked (429 with Retry-After), checks the
 * password (against a dummy hash for unknown emails, so both fail alike and as slowly), counts failures, and on
 * success opens a session, rewriting a hash of an outdated scheme on the way. Every outcome for an existing account
 * is audited. An email breaking the look-alike rule of {@link EmailAddress} is a 400 before any of that.
 */
@Service
public class Login {

    private static final Logger log = LoggerFactory.getLogger(Login.class);

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final PasswordAttempts attempts;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Login(UserAccounts users, PasswordHasher hasher, PasswordAttempts attempts, Sessions sessions,
            AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws io.cryptotracker.common.web.ValidationException when the email breaks the look-alike rule (400 on
     *         {@code email}); it never names an account, so it tells nothing about which exist
     * @throws UnauthorizedException the same for an unknown email, a wrong password and a disabled account
     * @throws io.cryptotracker.common.web.TooManyRequestsException while locked
     */
    public TokenPair login(String email, String password, RequestOrigin origin) {
        EmailAddress.refusal(email).ifPresent(message -> {
            throw new ValidationException("email", message);
        });
        List<ThrottleKey> keys = PasswordAttempts.keys(email, origin);
        attempts.refuseWhileLocked(keys);
        Optional<UserAccount> user = users.findByEmail(email);
        PasswordHasher.Check check = checkPassword(user, password);
        if (!check.matches()) {
            attempts.failed(user, keys, origin, AuditTrail.Action.LOGIN_FAILED);
            throw new UnauthorizedException("invalid-credentials", "The email or password is not correct.");
        }
        UserAccount account = user.get();
        return transactions.execute(status -> {
            check.upgradedHash().ifPresent(hash -> upgradeHash(account, hash));
            attempts.succeeded(keys);
            audit.record(account.id(), AuditTrail.Action.LOGIN_SUCCEEDED, AuditTrail.SUCCESS, origin, Map.of());
            return sessions.open(account);
        });
    }

    private PasswordHasher.Check checkPassword(Optional<UserAccount> user, String password) {
        if (user.isEmpty()) {
            hasher.matchesNothing(password);
            return new PasswordHasher.Check(false, Optional.empty());
        }
        PasswordHasher.Check check = hasher.check(password, user.get().passwordHash());
        return user.get().isActive() ? check : new PasswordHasher.Check(false, Optional.empty());
    }

    /** The password was right, so its hash is rewritten in the current scheme (a concurrent change wins). */
    private void upgradeHash(UserAccount account, String hash) {
        if (users.upgradePasswordHash(account.id(), account.passwordHash(), hash,
                clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            log.info("Upgraded the password hash of user {} to the current scheme", account.id());
        }
    }
}
