package io.cryptotracker.signals.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The three signal tables, one per kind, with the same common columns. */
@Repository
public class SignalStore {

    static final String COMMON = "id, symbol, venue_key, spread_percent, net_spread_percent, peak_spread_percent, "
            + "status, source, detected_at, updated_at, closed_at, expires_at, execution";

    private final JdbcClient jdbc;

    public SignalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredSignal signal) {
        SignalKind kind = signal.kind();
        List<String> columns = KindColumns.of(kind);
        List<Object> values = new ArrayList<>(common(signal));
        values.addAll(KindColumns.values(signal.data()));
        // the common columns end with execution, a jsonb column
        String placeholders = "?, ".repeat(values.size() - columns.size() - 1) + "?::jsonb"
                + ", ?".repeat(columns.size());
        jdbc.sql("INSERT INTO " + kind.table() + " (" + COMMON + ", " + String.join(", ", columns) + ") VALUES ("
                + placeholders + ")").params(values).update();
    }

    /** Writes every column but the id and the detection time. */
    public void update(StoredSignal signal) {
        SignalKind kind = signal.kind();
        SignalData data = signal.data();
        StringBuilder sql = new StringBuilder("UPDATE ").append(kind.table()).append(" SET spread_percent = ?, "
                + "net_spread_percent = ?, peak_spread_percent = ?, status = ?, updated_at = ?, closed_at = ?, "
                + "expires_at = ?, execution = ?::jsonb");
        for (String column : KindColumns.of(kind)) {
            sql.append(", ").append(column).append(" = ?");
        }
        sql.append(" WHERE id = ?");
        List<Object> values = new ArrayList<>(List.of(data.spreadPercent(), data.netSpreadPercent(),
                data.peakSpreadPercent(), data.status(), KindColumns.ts(data.updatedAt())));
        values.add(KindColumns.ts(data.closedAt()));
        values.add(KindColumns.ts(signal.expiresAt()));
        values.add(executionJson(data));
        values.addAll(KindColumns.values(data));
        values.add(data.id());
        jdbc.sql(sql.toString()).params(values).update();
    }

    /** The OPEN signal of this kind about these venues, locked until the transaction ends. */
    public Optional<StoredSignal> findOpenForUpdate(SignalKind kind, String symbol, String venueKey) {
        return jdbc.sql("SELECT * FROM " + kind.table() + " WHERE symbol = ? AND venue_key = ? AND status = 'OPEN' "
                + "FOR UPDATE").params(symbol, venueKey).query((rs, row) -> map(kind, rs)).optional();
    }

    public Optional<StoredSignal> find(UUID id) {
        for (SignalKind kind : SignalKind.values()) {
            Optional<StoredSignal> found = find(kind, id, false);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public Optional<StoredSignal> findForUpdate(UUID id) {
        for (SignalKind kind : SignalKind.values()) {
            Optional<StoredSignal> found = find(kind, id, true);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<StoredSignal> find(SignalKind kind, UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM " + kind.table() + " WHERE id = ?" + (lock ? " FOR UPDATE" : "")).param(id)
                .query((rs, row) -> map(kind, rs)).optional();
    }

    /** OPEN signals of a kind and symbol whose venue key starts with the prefix (no LIKE wildcards in it), locked. */
    public List<StoredSignal> openWithKeyPrefix(SignalKind kind, String symbol, String prefix) {
        return jdbc.sql("SELECT * FROM " + kind.table() + " WHERE symbol = ? AND status = 'OPEN' AND venue_key LIKE ? "
                + "ORDER BY detected_at FOR UPDATE").params(symbol, prefix + "%").query((rs, row) -> map(kind, rs))
                .list();
    }

    /** Every OPEN signal of a kind, e.g. to rebuild a detector's memory at start. */
    public List<StoredSignal> open(SignalKind kind) {
        return jdbc.sql("SELECT * FROM " + kind.table() + " WHERE status = 'OPEN'").query((rs, row) -> map(kind, rs))
                .list();
    }

    /** OPEN signals whose time has run out, locked; rows another replica holds are skipped. */
    public List<StoredSignal> expired(SignalKind kind, java.time.Instant now, int limit) {
        return jdbc.sql("SELECT * FROM " + kind.table() + " WHERE status = 'OPEN' AND expires_at IS NOT NULL "
                + "AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(KindColumns.ts(now), limit).query((rs, row) -> map(kind, rs)).list();
    }

    /** Moves an OPEN signal's automatic close; no event, as nothing a reader sees changed. */
    public void extendExpiry(SignalKind kind, UUID id, java.time.Instant expiresAt) {
        jdbc.sql("UPDATE " + kind.table() + " SET expires_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(KindColumns.ts(expiresAt), id).update();
    }

    public void delete(SignalKind kind, UUID id) {
        jdbc.sql("DELETE FROM " + kind.table() + " WHERE id = ?").param(id).update();
    }

    private static List<Object> common(StoredSignal signal) {
        SignalData data = signal.data();
        List<Object> values = new ArrayList<>();
        values.add(data.id());
        values.add(data.symbol());
        values.add(signal.venueKey());
        values.add(data.spreadPercent());
        values.add(data.netSpreadPercent());
        values.add(data.peakSpreadPercent());
        values.add(data.status());
        values.add(data.source());
        values.add(KindColumns.ts(data.detectedAt()));
        values.add(KindColumns.ts(data.updatedAt()));
        values.add(KindColumns.ts(data.closedAt()));
        values.add(KindColumns.ts(signal.expiresAt()));
        values.add(executionJson(data));
        return values;
    }

    private static String executionJson(SignalData data) {
        return data.execution() == null ? null : EventJson.writePart(data.execution());
    }

    /** Reads a row of the kind's table (selected with {@code *}). */
    public static StoredSignal map(SignalKind kind, ResultSet rs) throws SQLException {
        SignalData data = new SignalData(rs.getObject("id", UUID.class), kind.apiName(), rs.getString("symbol"),
                rs.getBigDecimal("spread_percent"), rs.getBigDecimal("net_spread_percent"),
                rs.getBigDecimal("peak_spread_percent"), rs.getString("status"), rs.getString("source"),
                KindColumns.instant(rs, "detected_at"), KindColumns.instant(rs, "updated_at"),
                KindColumns.instant(rs, "closed_at"),
                kind == SignalKind.MEXC_SPOT_FUTURES ? KindColumns.spotFutures(rs) : null,
                kind == SignalKind.FUNDING_RATE ? KindColumns.funding(rs) : null,
                kind == SignalKind.MEXC_DEX ? KindColumns.dex(rs) : null, execution(rs.getString("execution")));
        return new StoredSignal(data, rs.getString("venue_key"), KindColumns.instant(rs, "expires_at"));
    }

    private static SignalData.Execution execution(String json) {
        return json == null ? null : EventJson.readPart(json, SignalData.Execution.class);
    }
}
