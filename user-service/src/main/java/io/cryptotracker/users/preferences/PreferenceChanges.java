package io.cryptotracker.users.preferences;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.users.audit.AuditTrail;
import io.cryptotracker.users.audit.RequestOrigin;
import io.cryptotracker.users.profile.NewUsers;
import io.cryptotracker.users.profile.ProfileCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and changes a user's preferences. A change that changes something is stored together with
 * {@code PreferencesChanged} (the complete new state) and a PREFERENCES_CHANGED audit entry; a PUT that repeats the
 * current values emits nothing.
 */
@Service
public class PreferenceChanges {

    private final NewUsers newUsers;
    private final PreferencesStore store;
    private final OutboxWriter outbox;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PreferenceChanges(NewUsers newUsers, PreferencesStore store, OutboxWriter outbox, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.newUsers = newUsers;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new user starts with the defaults, announced with {@code PreferencesChanged}. */
    @EventListener
    void onProfileCreated(ProfileCreated created) {
        Preferences defaults = Preferences.defaults();
        if (store.insertIfAbsent(created.userId(), defaults, created.now())) {
            outbox.append(Topics.USERS, defaults.changedEvent(created.userId()));
        }
    }

    public Preferences current(AuthenticatedUser user) {
        newUsers.ensureExists(user);
        return store.find(user.id()).orElseThrow();
    }

    public Preferences change(AuthenticatedUser user, PreferencesChange change, RequestOrigin origin) {
        newUsers.ensureExists(user);
        UUID id = user.id();
        return transactions.execute(status -> {
            Preferences before = store.findForUpdate(id).orElseThrow();
            Preferences after = change.applyTo(before);
            if (after.equals(before)) {
                return before;
            }
            store.update(id, after, clock.instant());
            outbox.append(Topics.USERS, after.changedEvent(id));
            audit.record(id, AuditTrail.Action.PREFERENCES_CHANGED, origin,
                    Map.of("fields", String.join(",", change.fieldNames())));
            return after;
        });
    }
}
