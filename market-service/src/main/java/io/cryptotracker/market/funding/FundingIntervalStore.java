package io.cryptotracker.market.funding;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code funding_intervals} table: the interval each venue last reported for each perpetual. */
@Repository
class FundingIntervalStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FundingIntervalStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Every stored interval by (venue, symbol). */
    Map<FundingKey, Integer> all() {
        Map<FundingKey, Integer> intervals = new HashMap<>();
        jdbc.sql("SELECT venue, symbol, interval_hours FROM funding_intervals").query(rs -> {
            intervals.put(new FundingKey(rs.getString(1), rs.getString(2)), rs.getInt(3));
        });
        return intervals;
    }

    /**
     * The stored intervals of these keys, their rows locked until the caller's transaction ends: a change is compared
     * with what is committed, not with this replica's memory, so two replicas never announce one change twice.
     */
    Map<FundingKey, Integer> lock(Collection<FundingKey> keys) {
        String[] venues = keys.stream().map(FundingKey::venue).toArray(String[]::new);
        String[] symbols = keys.stream().map(FundingKey::symbol).toArray(String[]::new);
        Map<FundingKey, Integer> intervals = new HashMap<>();
        jdbc.sql("""
                SELECT f.venue, f.symbol, f.interval_hours FROM funding_intervals f
                JOIN unnest(CAST(:venues AS text[]), CAST(:symbols AS text[])) AS k(venue, symbol)
                  ON f.venue = k.venue AND f.symbol = k.symbol
                FOR UPDATE OF f
                """).param("venues", venues).param("symbols", symbols)
                .query(rs -> {
                    intervals.put(new FundingKey(rs.getString(1), rs.getString(2)), rs.getInt(3));
                });
        return intervals;
    }

    /** First sightings; a row another replica inserted meanwhile is left as it is. */
    void insert(List<FundingReading> readings, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("""
                INSERT INTO funding_intervals (venue, symbol, interval_hours, first_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (venue, symbol) DO NOTHING
                """, readings, 500, (PreparedStatement ps, FundingReading reading) -> {
            ps.setString(1, reading.key().venue());
            ps.setString(2, reading.key().symbol());
            ps.setInt(3, reading.intervalHours());
            ps.setTimestamp(4, at);
        });
    }

    void update(List<FundingReading> readings, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("UPDATE funding_intervals SET interval_hours = ?, changed_at = ? "
                + "WHERE venue = ? AND symbol = ?", readings, 500, (PreparedStatement ps, FundingReading reading) -> {
                    ps.setInt(1, reading.intervalHours());
                    ps.setTimestamp(2, at);
                    ps.setString(3, reading.key().venue());
                    ps.setString(4, reading.key().symbol());
                });
    }
}
