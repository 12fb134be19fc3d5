package io.cryptotracker.signals.telegram;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code telegram_messages} table: one row per (chat, message), whatever became of it. */
@Repository
class TelegramMessages {

    private final JdbcClient jdbc;

    TelegramMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The post's row, locked until the transaction ends; a new post gets a row first, so a post delivered twice at
     * the same moment is handled once after the other.
     */
    Stored lockOrCreate(TelegramPost post, Instant now) {
        jdbc.sql("INSERT INTO telegram_messages (chat_id, message_id, last_update_id, chat_title, text, status, "
                + "reason, signal_ids, posted_at, received_at) VALUES (?, ?, -1, ?, '', 'UNPARSED', 'received', "
                + "'[]'::jsonb, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING")
                .params(post.chatId(), post.messageId(), truncate(post.chatTitle(), 256), ts(post.postedAt()), ts(now))
                .update();
        return jdbc.sql("SELECT * FROM telegram_messages WHERE chat_id = ? AND message_id = ? FOR UPDATE")
                .params(post.chatId(), post.messageId()).query(TelegramMessages::map).single();
    }

    void save(long id, TelegramPost post, String status, String reason, List<UUID> signalIds) {
        jdbc.sql("UPDATE telegram_messages SET last_update_id = ?, chat_title = ?, text = ?, status = ?, reason = ?, "
                + "signal_ids = CAST(? AS JSONB), edited_at = ? WHERE id = ?")
                .params(post.updateId(), truncate(post.chatTitle(), 256), post.text() == null ? "" : post.text(),
                        status, truncate(reason, 500), json(signalIds), ts(post.editedAt()), id).update();
    }

    void touch(long id, long updateId) {
        jdbc.sql("UPDATE telegram_messages SET last_update_id = GREATEST(last_update_id, ?) WHERE id = ?")
                .params(updateId, id).update();
    }

    Optional<Stored> find(long chatId, long messageId) {
        return jdbc.sql("SELECT * FROM telegram_messages WHERE chat_id = ? AND message_id = ?")
                .params(chatId, messageId).query(TelegramMessages::map).optional();
    }

    PageResponse<Stored> list(String status, PageQuery query) {
        String where = status == null ? "" : " WHERE status = :status";
        var params = new java.util.HashMap<String, Object>();
        if (status != null) {
            params.put("status", status);
        }
        long total = jdbc.sql("SELECT count(*) FROM telegram_messages" + where).params(params).query(Long.class)
                .single();
        params.put("limit", query.size());
        params.put("offset", query.offset());
        String direction = query.ascending() ? " ASC" : " DESC";
        List<Stored> items = jdbc.sql("SELECT * FROM telegram_messages" + where + " ORDER BY " + query.sortField()
                + direction + ", id" + direction + " LIMIT :limit OFFSET :offset").params(params)
                .query(TelegramMessages::map).list();
        return PageResponse.of(items, query, total);
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new Stored(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("chat_title"),
                rs.getLong("message_id"), rs.getLong("last_update_id"), rs.getString("text"), rs.getString("status"),
                rs.getString("reason"), ids(rs.getString("signal_ids")), rs.getTimestamp("posted_at").toInstant(),
                edited == null ? null : edited.toInstant(), rs.getTimestamp("received_at").toInstant());
    }

    private static List<UUID> ids(String json) {
        List<UUID> ids = new ArrayList<>();
        for (String part : json.replaceAll("[\\[\\]\"\\s]", "").split(",")) {
            if (!part.isEmpty()) {
                ids.add(UUID.fromString(part));
            }
        }
        return ids;
    }

    private static String json(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** A stored post as admins see it. */
    record Stored(long id, long chatId, String chatTitle, long messageId, long lastUpdateId, String text,
            String status, String reason, List<UUID> signalIds, Instant postedAt, Instant editedAt,
            Instant receivedAt) {
    }
}
