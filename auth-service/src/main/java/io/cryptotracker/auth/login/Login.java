package io.cryptotracker.auth.login;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.audit.AuditTrail;
import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.auth.password.PasswordHasher;
import io.cryptotracker.auth.token.Sessions;
import io.cryptotracker.auth.token.TokenPair;
import io.cryptotracker.common.web.UnauthorizedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in: refuses attempts while the account or the client address is locked (429 with Retry-After), checks the
 * password (against a dummy hash for unknown emails, so both fail alike and as slowly), counts failures, and on
 * success opens a session. Every outcome for an existing account is audited.
 */
@Service
public class Login {

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final PasswordAttempts attempts;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public Login(UserAccounts users, PasswordHasher hasher, PasswordAttempts attempts, Sessions sessions,
            AuditTrail audit, TransactionTemplate transactions) {
        this.users = users;
        this.hasher = hasher;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * @throws UnauthorizedException the same for an unknown email, a wrong password and a disabled account
     * @throws io.cryptotracker.common.web.TooManyRequestsException while locked
     */
    public TokenPair login(String email, String password, RequestOrigin origin) {
        List<ThrottleKey> keys = PasswordAttempts.keys(email, origin);
        attempts.refuseWhileLocked(keys);
        Optional<UserAccount> user = users.findByEmail(email);
        if (!passwordMatches(user, password)) {
            attempts.failed(user, keys, origin, AuditTrail.Action.LOGIN_FAILED);
            throw new UnauthorizedException("invalid-credentials", "The email or password is not correct.");
        }
        UserAccount account = user.get();
        return transactions.execute(status -> {
            attempts.succeeded(keys);
            audit.record(account.id(), AuditTrail.Action.LOGIN_SUCCEEDED, AuditTrail.SUCCESS, origin, Map.of());
            return sessions.open(account);
        });
    }

    private boolean passwordMatches(Optional<UserAccount> user, String password) {
        if (user.isEmpty()) {
            hasher.matchesNothing(password);
            return false;
        }
        return hasher.matches(password, user.get().passwordHash()) && user.get().isActive();
    }
}
