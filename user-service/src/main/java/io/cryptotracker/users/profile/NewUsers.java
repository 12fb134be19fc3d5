package io.cryptotracker.users.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.users.preferences.Preferences;
import io.cryptotracker.users.preferences.PreferencesStore;
import io.cryptotracker.users.subscription.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a user their profile, a FREE plan and default preferences exactly once, whichever comes first: the
 * {@code UserRegistered} event or the user's first authenticated request (which may beat the event). The second
 * arrival changes nothing, except that the event completes a profile made from a token with the username and
 * registration time. The defaults are announced with {@code PreferencesChanged}, so consumers of preferences
 * (notification-service) know every user's choice from the start.
 */
@Service
public class NewUsers {

    private static final Logger log = LoggerFactory.getLogger(NewUsers.class);

    private final Profiles profiles;
    private final SubscriptionStore subscriptions;
    private final PreferencesStore preferences;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NewUsers(Profiles profiles, SubscriptionStore subscriptions, PreferencesStore preferences,
            OutboxWriter outbox, TransactionTemplate transactions, Clock clock) {
        this.profiles = profiles;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.outbox = outbox;
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
        subscriptions.insertFreeIfAbsent(profile.id(), profile.createdAt(), now);
        Preferences defaults = Preferences.defaults();
        if (preferences.insertIfAbsent(profile.id(), defaults, now)) {
            outbox.append(Topics.USERS, defaults.changedEvent(profile.id()));
        }
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
