package io.cryptotracker.auth.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.auth.account.EmailAddress;
import io.cryptotracker.auth.account.Roles;
import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.password.PasswordHasher;
import io.cryptotracker.auth.password.PasswordPolicy;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.web.ConflictException;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts: the password policy, a unique email (case-insensitive, NFKC, no look-alikes), a bcrypt hash (computed before the
 * transaction, so no database connection waits on it), and {@code UserRegistered} in the same transaction as the
 * row.
 */
@Service
public class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final UserAccounts users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Registration(UserAccounts users, PasswordPolicy policy, PasswordHasher hasher, OutboxWriter outbox,
            TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws ValidationException when the email breaks the look-alike rule of {@link EmailAddress} (field
     *         {@code email}) or the password the policy (field {@code password})
     * @throws ConflictException when the email is taken, in any letter case or compatibility spelling (NFKC)
     */
    public UserAccount register(String email, String username, String password) {
        String canonicalEmail = EmailAddress.canonical(email);
        List<FieldError> errors = new ArrayList<>();
        EmailAddress.refusal(email).ifPresent(message -> errors.add(new FieldError("email", message)));
        policy.violations(password, canonicalEmail, username)
                .forEach(message -> errors.add(new FieldError("password", message)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (users.existsByEmail(canonicalEmail)) {
            throw emailTaken();
        }
        UserAccount account = UserAccount.create(UUID.randomUUID(), canonicalEmail, username, hasher.hash(password),
                Roles.USER, now());
        try {
            transactions.executeWithoutResult(status -> create(account));
        }
        catch (DuplicateKeyException ex) {
            throw emailTaken();
        }
        log.info("Registered user {} ({})", account.id(), EmailAddress.masked(account.email()));
        return account;
    }

    /** Inserts the account and its {@code UserRegistered} event; must run in the caller's transaction. */
    void create(UserAccount account) {
        users.insert(account);
        publishRegistered(account, outbox);
    }

    public static void publishRegistered(UserAccount account, OutboxWriter outbox) {
        outbox.append(Topics.USERS, UserRegistered.of(account.id(), account.email(), account.username(),
                account.roles(), account.tier().name(), account.createdAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email-taken", "An account with this email address already exists.");
    }
}
