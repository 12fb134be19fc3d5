package io.cryptotracker.users.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code subscriptions} table. */
@Repository
public class SubscriptionStore {

    private static final String COLUMNS = "user_id, plan, status, started_at, expires_at, auto_renew";

    private final JdbcClient jdbc;

    public SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new user's FREE plan; nothing if the user has a plan already. */
    public void insertFreeIfAbsent(UUID userId, Instant since, Instant now) {
        Subscription free = Subscription.free(userId, since);
        jdbc.sql("INSERT INTO subscriptions (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (user_id) DO NOTHING")
                .params(userId, free.plan().name(), free.status().name(), ts(since), null, free.autoRenew(), ts(now))
                .update();
    }

    public Optional<Subscription> find(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = ?").param(userId)
                .query(SubscriptionStore::map).optional();
    }

    /** Reads and locks the row until the transaction ends, so concurrent changes apply one after the other. */
    public Optional<Subscription> findForUpdate(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = ? FOR UPDATE").param(userId)
                .query(SubscriptionStore::map).optional();
    }

    /** VIP plans that have reached their end, locked; rows another replica holds are skipped. */
    public List<Subscription> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE plan = 'VIP' "
                + "AND status IN ('ACTIVE', 'CANCELLED') AND expires_at <= ? ORDER BY expires_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED").params(ts(now), limit).query(SubscriptionStore::map).list();
    }

    public void update(Subscription subscription, Instant now) {
        jdbc.sql("UPDATE subscriptions SET plan = ?, status = ?, started_at = ?, expires_at = ?, auto_renew = ?, "
                + "updated_at = ? WHERE user_id = ?")
                .params(subscription.plan().name(), subscription.status().name(), ts(subscription.startedAt()),
                        ts(subscription.expiresAt()), subscription.autoRenew(), ts(now), subscription.userId())
                .update();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Subscription(rs.getObject("user_id", UUID.class),
                Subscription.Plan.valueOf(rs.getString("plan")), Subscription.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(), expires == null ? null : expires.toInstant(),
                rs.getBoolean("auto_renew"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
