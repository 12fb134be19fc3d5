package io.cryptotracker.users.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cryptotracker.common.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a user their profile, a FREE plan and default preferences exactly once, whichever comes first: the
 * {@code UserRegistered} event or the user's first authenticated request (which may beat the event). The second
 * arrival changes nothing, except that the event completes a profile made from a token with the username and
 * registration time. The plan and the preferences come from the features that own them, listening to
 * {@link ProfileCreated} in the same transaction.
 */
@Service
public class NewUsers {

    private static final Logger log = LoggerFactory.getLogger(NewUsers.class);

    private final Profiles profiles;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NewUsers(Profiles profiles, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.profiles = profiles;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** For request paths: the caller's profile exists after this (a read when it exists already). */
    public void ensureExists(AuthenticatedUser user) {
        if (!profiles.exists(user.id())) {
            createIfAbsent(new UserProfile(user.id(), user.email(), null, now()));
        }
    }

    /** Creates profile, FREE plan and default preferences unless the profile exists; true if created here. */
    public boolean createIfAbsent(UserProfile profile) {
        return Boolean.TRUE.equals(transactions.execute(status -> create(profile)));
    }

    private boolean create(UserProfile profile) {
        Instant now = now();
        if (!profiles.insertIfAbsent(profile, now)) {
            return false;
        }
        events.publishEvent(new ProfileCreated(profile.id(), profile.createdAt(), now));
        log.info("Created the profile of user {} from {}", profile.id(),
                profile.username() == null ? "an access token" : "UserRegistered");
        return true;
    }

    /** The registration arrived: create the user, or complete a profile made from a token before it. */
    public void registered(UserProfile profile) {
        transactions.executeWithoutResult(status -> {
            if (!create(profile)) {
                profiles.completeFromRegistration(profile.id(), profile.username(), profile.createdAt(), now());
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
