package io.cryptotracker.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.audit.AuditTrail;
import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.auth.throttle.PasswordAttempts;
import io.cryptotracker.auth.throttle.ThrottleKey;
import io.cryptotracker.auth.token.Sessions;
import io.cryptotracker.common.events.PasswordChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.web.ConflictException;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.UnauthorizedException;
import io.cryptotracker.common.web.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in user changes their password: the current one must be right (a wrong one is a 400 on
 * {@code current_password} and counts as a failed sign-in, so a stolen access token cannot be used to guess it),
 * the new one must pass the policy, and every refresh token of the user is revoked in the same transaction that
 * stores the new hash and emits {@code PasswordChanged} and an audit entry.
 */
@Service
public class PasswordChange {

    private static final Logger log = LoggerFactory.getLogger(PasswordChange.class);

    private final UserAccounts users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final PasswordAttempts attempts;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PasswordChange(UserAccounts users, PasswordPolicy policy, PasswordHasher hasher, PasswordAttempts attempts,
            Sessions sessions, AuditTrail audit, OutboxWriter outbox, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void change(UUID userId, String currentPassword, String newPassword, RequestOrigin origin) {
        UserAccount user = users.findById(userId).filter(UserAccount::isActive).orElseThrow(
                () -> new UnauthorizedException("unknown-account", "The account no longer exists or is disabled."));
        List<ThrottleKey> keys = PasswordAttempts.keys(user.email(), origin);
        attempts.refuseWhileLocked(keys);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            attempts.failed(Optional.of(user), keys, origin, AuditTrail.Action.PASSWORD_CHANGE_FAILED);
            throw new ValidationException("current_password", "is not correct");
        }
        List<String> violations = policy.violations(newPassword, user.email(), user.username());
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.stream()
                    .map(message -> new FieldError("new_password", message)).toList());
        }
        String newHash = hasher.hash(newPassword);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        transactions.executeWithoutResult(status -> {
            if (!users.changePassword(user.id(), user.passwordHash(), newHash, now)) {
                throw new ConflictException("password-changed-concurrently",
                        "The password was changed by another request at the same time. Please try again.");
            }
            int revoked = sessions.revokeAll(user.id());
            attempts.succeeded(keys);
            outbox.append(Topics.USERS, PasswordChanged.of(user.id(), now));
            audit.record(user.id(), AuditTrail.Action.PASSWORD_CHANGED, AuditTrail.SUCCESS, origin,
                    Map.of("revoked_refresh_tokens", Integer.toString(revoked)));
        });
        log.info("User {} changed their password; all refresh tokens revoked", user.id());
    }
}
