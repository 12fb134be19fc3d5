package io.cryptotracker.signals.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalUpdated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signal_history} table: each change of a signal with the signal as it was after it, in seq order. */
@Repository
public class SignalHistory {

    private final JdbcClient jdbc;

    public SignalHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long seq, String change, Instant at, SignalData data, DomainEvent event) {
        jdbc.sql("INSERT INTO signal_history (seq, signal_id, change, changed_at, spread_percent, net_spread_percent, "
                + "data) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB))")
                .params(seq, data.id(), change, Timestamp.from(at), data.spreadPercent(), data.netSpreadPercent(),
                        EventJson.write(event)).update();
    }

    public List<Entry> of(UUID signalId) {
        return jdbc.sql("SELECT seq, change, changed_at, data::text AS data FROM signal_history WHERE signal_id = ? "
                + "ORDER BY seq").param(signalId).query((rs, row) -> new Entry(rs.getLong("seq"),
                        rs.getString("change"), rs.getTimestamp("changed_at").toInstant(),
                        dataOf(EventJson.read(rs.getString("data"))))).list();
    }

    void deleteOf(UUID signalId) {
        jdbc.sql("DELETE FROM signal_history WHERE signal_id = ?").param(signalId).update();
    }

    private static SignalData dataOf(DomainEvent event) {
        if (event instanceof SignalCreated created) {
            return created.data();
        }
        if (event instanceof SignalUpdated updated) {
            return updated.data();
        }
        if (event instanceof SignalClosed closed) {
            return closed.data();
        }
        throw new IllegalStateException("Unexpected event in the signal history: " + event.type());
    }

    /** One change: its position in the stream, what happened, when, and the signal after it. */
    public record Entry(long seq, String change, Instant changedAt, SignalData signal) {
    }
}
