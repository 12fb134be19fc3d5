package io.cryptotracker.auth.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.auth.account.EmailAddress;
import io.cryptotracker.auth.account.Roles;
import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.password.PasswordHasher;
import io.cryptotracker.auth.password.PasswordPolicy;
import io.cryptotracker.auth.registration.Registration;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the configured first administrator exists at start-up: creates the account (roles USER and ADMIN,
 * announced with {@code UserRegistered}) or, if the email is registered already, grants it ADMIN and leaves its
 * password alone. Replicas starting together are safe: the insert skips an email another replica inserted
 * meanwhile, and granting the role is a conditional update. A new admin password must pass the full password
 * policy, else start-up fails (without repeating the password); the email must pass the look-alike rule of
 * {@link EmailAddress}, as at registration, and is stored NFKC-normalized.
 */
@Component
public class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final FirstAdminProperties properties;
    private final UserAccounts users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public FirstAdmin(FirstAdminProperties properties, UserAccounts users, PasswordPolicy policy, PasswordHasher hasher,
            OutboxWriter outbox, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.configured()) {
            log.debug("No first admin configured (CRYPTOTRACKER_ADMIN_EMAIL / CRYPTOTRACKER_ADMIN_PASSWORD)");
            return;
        }
        ensureAdmin();
    }

    /** Creates the admin or grants ADMIN to the existing account; safe to run from several replicas at once. */
    public void ensureAdmin() {
        String email = EmailAddress.canonical(properties.email());
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalStateException("CRYPTOTRACKER_ADMIN_EMAIL is not a valid email address");
        }
        EmailAddress.refusal(email).ifPresent(reason -> {
            throw new IllegalStateException("CRYPTOTRACKER_ADMIN_EMAIL is not acceptable: it " + reason);
        });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UserAccount existing = users.findByEmail(email).orElse(null);
        if (existing != null) {
            grantAdmin(existing.id(), email, now);
            return;
        }
        List<String> violations = policy.violations(properties.password(), email, properties.username());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("CRYPTOTRACKER_ADMIN_PASSWORD is not acceptable: it "
                    + String.join(", and ", violations));
        }
        UserAccount admin = UserAccount.create(UUID.randomUUID(), email, properties.username(),
                hasher.hash(properties.password()), Roles.ADMIN, now);
        Boolean inserted = transactions.execute(status -> {
            if (!users.insertIfAbsent(admin)) {
                return false;
            }
            Registration.publishRegistered(admin, outbox);
            return true;
        });
        if (Boolean.TRUE.equals(inserted)) {
            log.info("Created the first admin {} ({})", admin.id(), EmailAddress.masked(email));
        }
        else {
            users.findByEmail(email).ifPresent(account -> grantAdmin(account.id(), email, now));
        }
    }

    private void grantAdmin(UUID id, String email, Instant now) {
        if (users.grantRole(id, AuthenticatedUser.ROLE_ADMIN, now)) {
            log.info("Granted ADMIN to the configured admin account {} ({})", id, EmailAddress.masked(email));
        }
    }
}
