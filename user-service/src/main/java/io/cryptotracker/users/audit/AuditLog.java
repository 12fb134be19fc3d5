package io.cryptotracker.users.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code audit_log} table. */
@Repository
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event once; a second copy of the same event id changes nothing. */
    public boolean insert(AuditEvent event, Instant now) {
        return jdbc.sql("INSERT INTO audit_log (event_id, user_id, action, outcome, ip, user_agent, details, "
                + "occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?) "
                + "ON CONFLICT (event_id) DO NOTHING")
                .params(event.eventId(), event.userId(), cut(event.action(), 64), cut(event.outcome(), 32),
                        cut(event.ip(), 64), cut(event.userAgent(), 256), JSON.writeValueAsString(event.details()),
                        Timestamp.from(event.occurredAt()), Timestamp.from(now))
                .update() == 1;
    }

    /** One page of a user's entries, newest first unless {@code ascending}. */
    public List<AuditEntry> page(UUID userId, boolean ascending, int limit, long offset) {
        String direction = ascending ? "ASC" : "DESC";
        return jdbc.sql("SELECT action, outcome, ip, user_agent, details, occurred_at FROM audit_log "
                + "WHERE user_id = ? ORDER BY occurred_at " + direction + ", id " + direction + " LIMIT ? OFFSET ?")
                .params(userId, limit, offset).query(AuditLog::map).list();
    }

    public long count(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE user_id = ?").param(userId).query(Long.class).single();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getString("action"), rs.getString("outcome"), rs.getString("ip"),
                rs.getString("user_agent"), JSON.readValue(rs.getString("details"), DETAILS),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** One line of a user's audit log as the API shows it; {@code details} are text, as every service writes them. */
    public record AuditEntry(String action, String outcome, @Schema(nullable = true) String ip,
            @Schema(nullable = true) String userAgent, Map<String, String> details,
            Instant occurredAt) {
    }
}
