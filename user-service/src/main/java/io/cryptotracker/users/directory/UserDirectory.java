package io.cryptotracker.users.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.users.subscription.Subscription;
import io.cryptotracker.users.subscription.SubscriptionView;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users found by part of their email or username, case-insensitively, with their plan: what an admin looks up
 * before granting VIP. A substring match cannot use an index, so each search reads the whole profile table – fine
 * for an admin screen over tens of thousands of users; a trigram index (pg_trgm) is the way beyond that.
 */
@Repository
public class UserDirectory {

    // an empty text makes the pattern %%, which every email matches
    private static final String MATCHES = "(p.email ILIKE ? ESCAPE '\\' OR p.username ILIKE ? ESCAPE '\\')";

    private final JdbcClient jdbc;

    public UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the users whose email or username contains {@code text}, ordered by email.
     *
     * @param text the part to find; empty for every user
     */
    public List<Entry> find(String text, int limit, long offset) {
        String pattern = containing(text);
        return jdbc.sql("SELECT p.id, p.email, p.username, p.created_at, s.plan, s.status, s.started_at, "
                + "s.expires_at, s.auto_renew FROM user_profiles p LEFT JOIN subscriptions s ON s.user_id = p.id "
                + "WHERE " + MATCHES + " ORDER BY p.email, p.id LIMIT ? OFFSET ?")
                .params(pattern, pattern, limit, offset).query(UserDirectory::map).list();
    }

    /** How many users {@link #find} finds in all. */
    public long count(String text) {
        String pattern = containing(text);
        return jdbc.sql("SELECT count(*) FROM user_profiles p WHERE " + MATCHES).params(pattern, pattern)
                .query(Long.class).single();
    }

    /** {@code 50%_off} becomes {@code %50\%\_off%}: the text's own wildcards match themselves only. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        SubscriptionView subscription = rs.getString("plan") == null ? null
                : new SubscriptionView(Subscription.Plan.valueOf(rs.getString("plan")),
                        Subscription.Status.valueOf(rs.getString("status")), instant(rs, "started_at"),
                        instant(rs, "expires_at"), rs.getBoolean("auto_renew"));
        return new Entry(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("username"),
                instant(rs, "created_at"), subscription);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * A user as the admin search shows them: {@code {id, email, username, created_at, subscription}}.
     *
     * @param username null until the user's UserRegistered has arrived
     * @param subscription the plan as {@code /users/me} shows it
     */
    public record Entry(UUID id, String email, @Schema(nullable = true) String username, Instant createdAt,
            SubscriptionView subscription) {
    }
}
