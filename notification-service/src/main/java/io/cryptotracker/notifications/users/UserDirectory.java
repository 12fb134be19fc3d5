package io.cryptotracker.notifications.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.security.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every user's tier and preferences in memory, so no signal costs a call to user-service or a query. Loaded from
 * {@code user_projection} at start (which the shared consumer keeps, {@link UserProjectionStore}) and kept current
 * by {@link #apply} from every replica's consumers. Applying is idempotent and order-safe per field: an event older
 * than what set the field changes nothing.
 */
@Component
public class UserDirectory implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final JdbcClient jdbc;
    private final ConcurrentMap<UUID, Entry> users = new ConcurrentHashMap<>();

    public UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user as projected so far; empty for a user no event has mentioned. */
    public Optional<UserView> find(UUID userId) {
        Entry entry = users.get(userId);
        return entry == null ? Optional.empty() : Optional.of(entry.view());
    }

    /** Applies a users-topic event to memory; other events are ignored. */
    public void apply(DomainEvent usersTopicEvent) {
        UUID userId = userIdOf(usersTopicEvent);
        if (userId == null) {
            return;
        }
        users.compute(userId, (id, entry) -> (entry == null ? Entry.empty(id) : entry).with(usersTopicEvent));
    }

    /** Every known user (a snapshot view; cheap, no copy of the preferences). */
    public Collection<UserView> all() {
        return users.values().stream().map(Entry::view).toList();
    }

    /** Reloads memory from {@code user_projection} (at start). */
    @Override
    public void afterSingletonsInstantiated() {
        List<Entry> stored = jdbc.sql("SELECT user_id, email, tier, tier_changed_at, prefs, prefs_changed_at "
                + "FROM user_projection").query(UserDirectory::entry).list();
        for (Entry entry : stored) {
            users.merge(entry.id(), entry, Entry::newest);
        }
        log.info("User projection loaded: {} users", stored.size());
    }

    static UUID userIdOf(DomainEvent event) {
        if (event instanceof UserRegistered registered) {
            return registered.userId();
        }
        if (event instanceof SubscriptionChanged changed) {
            return changed.userId();
        }
        if (event instanceof PreferencesChanged changed) {
            return changed.userId();
        }
        return null;
    }

    /** Event times as PostgreSQL keeps them (microseconds), so memory and table compare and load equal. */
    static Instant stamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static Tier tierOf(String tier) {
        return "VIP".equalsIgnoreCase(tier) ? Tier.VIP : Tier.FREE;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        String prefs = rs.getString("prefs");
        String tier = rs.getString("tier");
        return new Entry(rs.getObject("user_id", UUID.class), rs.getString("email"),
                tier == null ? null : tierOf(tier), instant(rs.getTimestamp("tier_changed_at")),
                prefs == null ? null : PreferencesJson.read(prefs), instant(rs.getTimestamp("prefs_changed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One user's fields, each with the time of the event that set it. */
    record Entry(UUID id, String email, Tier tier, Instant tierChangedAt, Preferences prefs, Instant prefsChangedAt) {

        static Entry empty(UUID id) {
            return new Entry(id, null, null, null, null, null);
        }

        UserView view() {
            return new UserView(id, email, tier == null ? Tier.FREE : tier, tierChangedAt,
                    prefs == null ? Preferences.DEFAULT : prefs);
        }

        Entry with(DomainEvent event) {
            if (event instanceof UserRegistered registered) {
                Instant at = stamp(registered.registeredAt() != null ? registered.registeredAt()
                        : registered.occurredAt());
                Entry withEmail = new Entry(id, registered.email() != null ? registered.email() : email, tier,
                        tierChangedAt, prefs, prefsChangedAt);
                return registered.tier() == null ? withEmail : withEmail.withTier(tierOf(registered.tier()), at);
            }
            if (event instanceof SubscriptionChanged changed && changed.tier() != null) {
                return withTier(tierOf(changed.tier()), stamp(changed.occurredAt()));
            }
            if (event instanceof PreferencesChanged changed) {
                Instant at = stamp(changed.occurredAt());
                if (prefsChangedAt != null && at.isBefore(prefsChangedAt)) {
                    return this;
                }
                return new Entry(id, email, tier, tierChangedAt, Preferences.from(changed), at);
            }
            return this;
        }

        private Entry withTier(Tier newTier, Instant at) {
            if (tierChangedAt != null && at.isBefore(tierChangedAt)) {
                return this;
            }
            return new Entry(id, email, newTier, at, prefs, prefsChangedAt);
        }

        /** Field by field, the newer of two entries of one user. */
        Entry newest(Entry other) {
            boolean otherTier = other.tierChangedAt != null
                    && (tierChangedAt == null || other.tierChangedAt.isAfter(tierChangedAt));
            boolean otherPrefs = other.prefsChangedAt != null
                    && (prefsChangedAt == null || other.prefsChangedAt.isAfter(prefsChangedAt));
            return new Entry(id, email != null ? email : other.email,
                    otherTier ? other.tier : tier, otherTier ? other.tierChangedAt : tierChangedAt,
                    otherPrefs ? other.prefs : prefs, otherPrefs ? other.prefsChangedAt : prefsChangedAt);
        }
    }
}
