package io.cryptotracker.notifications.email;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code email_queue} and {@code email_deliveries}: what waits, what went, and how much a user got this hour. */
@Repository
class EmailQueue {

    private final JdbcClient jdbc;

    EmailQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Users with pending email whose first pending notification has waited the batch window and who are not in an
     * SMTP retry wait.
     */
    List<UUID> dueUsers(Instant now, Duration batchWindow, int limit) {
        return jdbc.sql("""
                SELECT user_id FROM email_queue WHERE status = 'PENDING'
                GROUP BY user_id
                HAVING min(queued_at) <= :ready AND (max(retry_at) IS NULL OR max(retry_at) <= :now)
                ORDER BY min(queued_at) LIMIT :limit
                """).param("ready", Timestamp.from(now.minus(batchWindow))).param("now", Timestamp.from(now))
                .param("limit", limit).query(UUID.class).list();
    }

    /** The user's pending notifications, oldest first. */
    List<PendingEmail> pending(UUID userId) {
        return jdbc.sql("""
                SELECT q.notification_id, n.kind, n.symbol, n.spread_percent, n.title, n.body, n.created_at, q.attempts
                FROM email_queue q JOIN notifications n ON n.id = q.notification_id
                WHERE q.user_id = :user AND q.status = 'PENDING'
                ORDER BY n.created_at, n.id
                """).param("user", userId).query((rs, row) -> new PendingEmail(
                rs.getObject("notification_id", UUID.class), rs.getString("kind"), rs.getString("symbol"),
                rs.getBigDecimal("spread_percent"), rs.getString("title"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"))).list();
    }

    /** Emails SMTP accepted for the user after {@code since}. */
    int sentSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM email_deliveries WHERE user_id = :user AND sent_at > :since")
                .param("user", userId).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** Marks the notifications sent and records the email (for the hourly rate). */
    void sent(UUID userId, List<UUID> notificationIds, String kind, Instant now) {
        jdbc.sql("UPDATE email_queue SET status = 'SENT', sent_at = :now WHERE notification_id IN (:ids)")
                .param("now", Timestamp.from(now)).param("ids", notificationIds).update();
        jdbc.sql("INSERT INTO email_deliveries (id, user_id, kind, items, sent_at) VALUES (:id, :user, :kind, :items, :now)")
                .param("id", UUID.randomUUID()).param("user", userId).param("kind", kind)
                .param("items", notificationIds.size()).param("now", Timestamp.from(now)).update();
    }

    /** After an SMTP failure: the notifications wait until {@code retryAt}, one more attempt counted. */
    void failed(List<UUID> notificationIds, Instant retryAt) {
        jdbc.sql("UPDATE email_queue SET attempts = attempts + 1, retry_at = :retry WHERE notification_id IN (:ids)")
                .param("retry", Timestamp.from(retryAt)).param("ids", notificationIds).update();
    }

    /** The server refused the recipient: these notifications will not be emailed. */
    void rejected(List<UUID> notificationIds) {
        jdbc.sql("UPDATE email_queue SET status = 'REJECTED' WHERE notification_id IN (:ids)")
                .param("ids", notificationIds).update();
    }

    /** Holds the user's pending notifications (quiet hours, hourly rate) until {@code until}. */
    void holdUntil(UUID userId, Instant until) {
        jdbc.sql("UPDATE email_queue SET retry_at = :until WHERE user_id = :user AND status = 'PENDING'")
                .param("until", Timestamp.from(until)).param("user", userId).update();
    }

    /** The first email SMTP accepted for the user after {@code since}, if any. */
    java.util.Optional<Instant> firstSentSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT min(sent_at) FROM email_deliveries WHERE user_id = :user AND sent_at > :since")
                .param("user", userId).param("since", Timestamp.from(since)).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** The user no longer wants (or may no longer get) email: their pending notifications will not be sent. */
    int skipAll(UUID userId) {
        return jdbc.sql("UPDATE email_queue SET status = 'SKIPPED' WHERE user_id = :user AND status = 'PENDING'")
                .param("user", userId).update();
    }

    long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM email_queue WHERE status = 'PENDING'").query(Long.class).single();
    }
}
