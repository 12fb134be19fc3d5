package io.cryptotracker.notifications.inbox;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notifications} and {@code email_queue} tables: batch inserts that ignore repeats, the user's history. */
@Repository
public class NotificationStore {

    /** Sortable JSON fields of the history and their columns. */
    static final Map<String, String> SORTABLE = Map.of("created_at", "created_at", "spread_percent", "spread_percent");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public NotificationStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A notification to store; {@code emailQueued} puts it on the email queue too. */
    public record NewNotification(UUID id, UUID userId, UUID eventId, UUID signalId, String kind, String symbol,
            BigDecimal spreadPercent, String title, String body, Instant createdAt, Instant visibleAt,
            boolean emailQueued) {
    }

    /**
     * Inserts the notifications (one JDBC batch) and the email queue rows of those that want one; a notification
     * already stored (a redelivered event) is left as it is.
     *
     * @return how many notifications were new
     */
    public int insert(List<NewNotification> notifications, Instant now) {
        if (notifications.isEmpty()) {
            return 0;
        }
        int[][] counts = batch.batchUpdate("""
                INSERT INTO notifications (id, user_id, event_id, signal_id, kind, symbol, spread_percent, title, body,
                  created_at, visible_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """, notifications, 500, (PreparedStatement ps, NewNotification n) -> {
            ps.setObject(1, n.id());
            ps.setObject(2, n.userId());
            ps.setObject(3, n.eventId());
            ps.setObject(4, n.signalId());
            ps.setString(5, n.kind());
            ps.setString(6, n.symbol());
            ps.setBigDecimal(7, n.spreadPercent());
            ps.setString(8, n.title());
            ps.setString(9, n.body());
            ps.setTimestamp(10, Timestamp.from(n.createdAt()));
            ps.setTimestamp(11, Timestamp.from(n.visibleAt()));
        });
        List<NewNotification> emails = notifications.stream().filter(NewNotification::emailQueued).toList();
        if (!emails.isEmpty()) {
            Timestamp queuedAt = Timestamp.from(now);
            batch.batchUpdate("""
                    INSERT INTO email_queue (notification_id, user_id, status, queued_at) VALUES (?, ?, 'PENDING', ?)
                    ON CONFLICT (notification_id) DO NOTHING
                    """, emails, 500, (PreparedStatement ps, NewNotification n) -> {
                ps.setObject(1, n.id());
                ps.setObject(2, n.userId());
                ps.setTimestamp(3, queuedAt);
            });
        }
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                // the PostgreSQL driver reports 1 or 0 per row; SUCCESS_NO_INFO (-2) counts as inserted
                inserted += count == 0 ? 0 : 1;
            }
        }
        return inserted;
    }

    /** The user's notifications visible at {@code now}, by the query's sort (newest first by default). */
    public PageResponse<NotificationView> page(UUID userId, boolean unreadOnly, PageQuery query, Instant now) {
        String where = " WHERE user_id = :user AND visible_at <= :now" + (unreadOnly ? " AND read_at IS NULL" : "");
        String direction = query.ascending() ? " ASC" : " DESC";
        // by spread, notifications without one (a funding interval change) come last either way; created_at is never
        // null, and a NULLS clause there would not match the (user_id, created_at DESC, id DESC) index
        String nulls = "spread_percent".equals(query.sortField()) ? " NULLS LAST" : "";
        String order = " ORDER BY " + SORTABLE.get(query.sortField()) + direction + nulls + ", id" + direction;
        Timestamp at = Timestamp.from(now);
        long total = jdbc.sql("SELECT count(*) FROM notifications" + where)
                .param("user", userId).param("now", at).query(Long.class).single();
        List<NotificationView> items = total <= query.offset() ? List.of()
                : jdbc.sql("SELECT id, signal_id, kind, symbol, spread_percent, title, body, created_at, read_at, "
                        + "category FROM notifications" + where + order + " LIMIT :limit OFFSET :offset")
                        .param("user", userId).param("now", at)
                        .param("limit", query.size()).param("offset", query.offset())
                        .query(NotificationStore::view).list();
        return PageResponse.of(items, query, total);
    }

    public long unreadCount(UUID userId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND visible_at <= :now "
                + "AND read_at IS NULL").param("user", userId).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<NotificationView> find(UUID userId, UUID id, Instant now) {
        return jdbc.sql("SELECT id, signal_id, kind, symbol, spread_percent, title, body, created_at, read_at, "
                + "category FROM notifications WHERE id = :id AND user_id = :user AND visible_at <= :now")
                .param("id", id).param("user", userId).param("now", Timestamp.from(now))
                .query(NotificationStore::view).optional();
    }

    /** @return false when the user has no visible notification with this id (read or not) */
    public boolean markRead(UUID userId, UUID id, Instant now) {
        return jdbc.sql("UPDATE notifications SET read_at = COALESCE(read_at, :now) "
                + "WHERE id = :id AND user_id = :user AND visible_at <= :now")
                .param("id", id).param("user", userId).param("now", Timestamp.from(now)).update() > 0;
    }

    /** @return how many were unread */
    public int markAllRead(UUID userId, Instant now) {
        return jdbc.sql("UPDATE notifications SET read_at = :now "
                + "WHERE user_id = :user AND visible_at <= :now AND read_at IS NULL")
                .param("user", userId).param("now", Timestamp.from(now)).update();
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new NotificationView(rs.getObject("id", UUID.class), rs.getObject("signal_id", UUID.class),
                rs.getString("kind"), rs.getString("symbol"), rs.getBigDecimal("spread_percent"),
                rs.getString("title"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                readAt != null, readAt == null ? null : readAt.toInstant(), rs.getString("category"));
    }
}
