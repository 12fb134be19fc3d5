package io.cryptotracker.notifications.users;

import java.sql.Timestamp;
import java.time.Instant;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.UserRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes users-topic events into {@code user_projection}, field by field and order-safe: the tier is replaced only
 * by an event at least as new as the one that set it, the preferences likewise; the email comes from
 * {@code UserRegistered}. Replaying any event, in any order, ends in the same row.
 */
@Component
public class UserProjectionStore {

    private final JdbcClient jdbc;

    public UserProjectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true if the event is one of the projection's (and was written) */
    public boolean write(DomainEvent event) {
        if (event instanceof UserRegistered registered && registered.userId() != null) {
            Instant at = UserDirectory.stamp(registered.registeredAt() != null ? registered.registeredAt()
                    : registered.occurredAt());
            jdbc.sql("""
                    INSERT INTO user_projection (user_id, email, tier, tier_changed_at, updated_at)
                    VALUES (:id, :email, :tier, :at, now())
                    ON CONFLICT (user_id) DO UPDATE SET
                      email = COALESCE(EXCLUDED.email, user_projection.email),
                      tier = CASE WHEN EXCLUDED.tier IS NOT NULL AND (user_projection.tier_changed_at IS NULL
                               OR user_projection.tier_changed_at <= EXCLUDED.tier_changed_at)
                             THEN EXCLUDED.tier ELSE user_projection.tier END,
                      tier_changed_at = CASE WHEN EXCLUDED.tier IS NOT NULL AND (user_projection.tier_changed_at IS NULL
                               OR user_projection.tier_changed_at <= EXCLUDED.tier_changed_at)
                             THEN EXCLUDED.tier_changed_at ELSE user_projection.tier_changed_at END,
                      updated_at = now()
                    """)
                    .param("id", registered.userId())
                    .param("email", registered.email())
                    .param("tier", registered.tier() == null ? null : UserDirectory.tierOf(registered.tier()).name())
                    .param("at", Timestamp.from(at))
                    .update();
            return true;
        }
        if (event instanceof SubscriptionChanged changed && changed.userId() != null && changed.tier() != null) {
            jdbc.sql("""
                    INSERT INTO user_projection (user_id, tier, tier_changed_at, updated_at)
                    VALUES (:id, :tier, :at, now())
                    ON CONFLICT (user_id) DO UPDATE SET tier = EXCLUDED.tier,
                      tier_changed_at = EXCLUDED.tier_changed_at, updated_at = now()
                    WHERE user_projection.tier_changed_at IS NULL
                       OR user_projection.tier_changed_at <= EXCLUDED.tier_changed_at
                    """)
                    .param("id", changed.userId())
                    .param("tier", UserDirectory.tierOf(changed.tier()).name())
                    .param("at", Timestamp.from(UserDirectory.stamp(changed.occurredAt())))
                    .update();
            return true;
        }
        if (event instanceof PreferencesChanged changed && changed.userId() != null) {
            jdbc.sql("""
                    INSERT INTO user_projection (user_id, prefs, prefs_changed_at, updated_at)
                    VALUES (:id, CAST(:prefs AS jsonb), :at, now())
                    ON CONFLICT (user_id) DO UPDATE SET prefs = EXCLUDED.prefs,
                      prefs_changed_at = EXCLUDED.prefs_changed_at, updated_at = now()
                    WHERE user_projection.prefs_changed_at IS NULL
                       OR user_projection.prefs_changed_at <= EXCLUDED.prefs_changed_at
                    """)
                    .param("id", changed.userId())
                    .param("prefs", PreferencesJson.write(Preferences.from(changed)))
                    .param("at", Timestamp.from(UserDirectory.stamp(changed.occurredAt())))
                    .update();
            return true;
        }
        return false;
    }
}
