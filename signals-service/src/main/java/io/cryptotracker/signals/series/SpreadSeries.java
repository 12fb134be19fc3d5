package io.cryptotracker.signals.series;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.signals.store.SignalKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code spread_series} table: one row per symbol, kind, resolution and bucket start. Written by the recorder
 * (upserts merging min, max and last, so a bucket written in two pieces – a retry, a late measurement – stays right),
 * thinned by {@link SpreadThinning}, read re-bucketed to any whole-minute step. Public for the Telegram check and
 * {@code bench/signals/SpreadSeriesSize.java}.
 */
@Repository
public class SpreadSeries {

    /** Rows per INSERT statement: 10 parameters each, well below PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private static final String COLUMNS = "symbol, kind, resolution, bucket, gross_min, gross_max, gross_last, "
            + "net_min, net_max, net_last";

    private static final String MERGE = " ON CONFLICT (symbol, kind, resolution, bucket) DO UPDATE SET "
            + "gross_min = LEAST(spread_series.gross_min, EXCLUDED.gross_min), "
            + "gross_max = GREATEST(spread_series.gross_max, EXCLUDED.gross_max), "
            + "gross_last = EXCLUDED.gross_last, "
            + "net_min = LEAST(spread_series.net_min, EXCLUDED.net_min), "
            + "net_max = GREATEST(spread_series.net_max, EXCLUDED.net_max), "
            + "net_last = COALESCE(EXCLUDED.net_last, spread_series.net_last)";

    /** min of mins, max of maxes, last of lasts (the newest bucket's; for net the newest that had one). */
    private static final String AGGREGATES = "min(gross_min), max(gross_max), "
            + "(array_agg(gross_last ORDER BY bucket DESC, resolution))[1], min(net_min), max(net_max), "
            + "(array_agg(net_last ORDER BY bucket DESC, resolution) FILTER (WHERE net_last IS NOT NULL))[1]";

    private final JdbcClient jdbc;

    public SpreadSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserts the buckets, pieces of the same bucket merged first (one statement may not touch a row twice). */
    void write(Collection<SpreadPoint> points) {
        Map<List<Object>, SpreadPoint> merged = new LinkedHashMap<>();
        for (SpreadPoint point : points) {
            merged.merge(List.of(point.symbol(), point.kind(), point.resolutionSeconds(), point.bucket()), point,
                    SpreadPoint::merge);
        }
        List<SpreadPoint> rows = new ArrayList<>(merged.values());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<SpreadPoint> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO spread_series (" + COLUMNS + ") VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 10);
            for (int i = 0; i < chunk.size(); i++) {
                SpreadPoint p = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.add(p.symbol());
                params.add(SeriesKind.codeOf(p.kind()));
                params.add((short) p.resolutionSeconds());
                params.add(Timestamp.from(p.bucket()));
                params.add((float) p.grossMin());
                params.add((float) p.grossMax());
                params.add((float) p.grossLast());
                params.add(real(p.netMin()));
                params.add(real(p.netMax()));
                params.add(real(p.netLast()));
            }
            jdbc.sql(sql + MERGE).params(params).update();
        }
    }

    /**
     * Merges the 1-minute buckets that start before {@code minuteCutoff} (a multiple of {@code coarseSeconds}, so
     * every coarse bucket is merged whole) into coarse ones, deletes them, and deletes every bucket that starts
     * before {@code deleteBefore}. Running it twice changes nothing the second time.
     */
    public Thinned thin(Instant minuteCutoff, Instant deleteBefore, int coarseSeconds) {
        int coarse = jdbc.sql("INSERT INTO spread_series (" + COLUMNS + ") SELECT symbol, kind, :coarse, "
                + "to_timestamp(floor(extract(epoch FROM bucket) / :coarse) * :coarse) AS coarse_bucket, "
                + AGGREGATES + " FROM spread_series WHERE resolution = :minute AND bucket < :cutoff "
                + "GROUP BY symbol, kind, coarse_bucket" + MERGE)
                .param("coarse", coarseSeconds).param("minute", SeriesSettings.MINUTE_SECONDS)
                .param("cutoff", Timestamp.from(minuteCutoff)).update();
        int minutes = jdbc.sql("DELETE FROM spread_series WHERE resolution = ? AND bucket < ?")
                .params(SeriesSettings.MINUTE_SECONDS, Timestamp.from(minuteCutoff)).update();
        int expired = jdbc.sql("DELETE FROM spread_series WHERE bucket < ?").param(Timestamp.from(deleteBefore))
                .update();
        return new Thinned(minutes, coarse, expired);
    }

    /**
     * The series of one symbol: the buckets that start in {@code [from, to]}, grouped into {@code stepSeconds}
     * buckets counted from the epoch, per kind, oldest first. Read from the coarse buckets where the step is a whole
     * number of them or the bucket starts before {@code minutesFrom} (a coarse bucket's start from which the 1-minute
     * buckets are all kept), from the 1-minute ones otherwise: each moment is read at one resolution.
     */
    public List<Row> points(String symbol, Collection<SignalKind> kinds, Instant from, Instant to, int stepSeconds,
            Instant minutesFrom, int coarseSeconds) {
        List<Short> codes = kinds.stream().map(SeriesKind::codeOf).toList();
        Instant split = stepSeconds % coarseSeconds == 0 ? to.plusSeconds(1) : minutesFrom;
        return jdbc.sql("SELECT kind, to_timestamp(floor(extract(epoch FROM bucket) / :step) * :step) AS t, "
                + AGGREGATES + " FROM spread_series WHERE symbol = :symbol AND kind IN (:kinds) "
                + "AND ((resolution = :minute AND bucket >= :split) OR (resolution = :coarse AND bucket < :split)) "
                + "AND bucket >= :from AND bucket <= :to GROUP BY kind, t ORDER BY kind, t")
                .param("step", stepSeconds).param("symbol", symbol).param("kinds", codes)
                .param("minute", SeriesSettings.MINUTE_SECONDS).param("coarse", coarseSeconds)
                .param("split", Timestamp.from(split))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(SpreadSeries::row).list();
    }

    /**
     * The highest gross spread of a symbol and kind in the buckets that overlap {@code [from, to]}, and how many
     * buckets there were (none: we had no market data for it then). The 1-minute buckets where there are any (a
     * quarter hour overlapping the window may hold minutes outside it), else the coarse ones of thinned days.
     */
    public Window window(String symbol, SignalKind kind, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*), max(gross_max) FROM spread_series WHERE symbol = ? AND kind = ? "
                + "AND bucket + make_interval(secs => resolution) > ? AND bucket <= ? "
                + "GROUP BY resolution ORDER BY resolution LIMIT 1")
                .params(symbol, SeriesKind.codeOf(kind), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    Float max = nullable(rs, 2);
                    return new Window(rs.getLong(1), max == null ? null : new BigDecimal(max.toString()));
                }).optional().orElse(new Window(0, null));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(SeriesKind.kindOf(rs.getShort(1)), rs.getTimestamp(2).toInstant(), rs.getFloat(3),
                rs.getFloat(4), rs.getFloat(5), nullable(rs, 6), nullable(rs, 7), nullable(rs, 8));
    }

    private static Float nullable(ResultSet rs, int column) throws SQLException {
        float value = rs.getFloat(column);
        return rs.wasNull() ? null : value;
    }

    private static Float real(Double value) {
        return value == null ? null : value.floatValue();
    }

    /**
     * A symbol's buckets of one kind in a time window: how many, and the highest gross spread among them in percent
     * (null when there was none).
     */
    public record Window(long buckets, BigDecimal maxGross) {
    }

    /** One re-bucketed point as read. */
    public record Row(SignalKind kind, Instant t, float grossMin, float grossMax, float grossLast, Float netMin,
            Float netMax, Float netLast) {
    }

    /** What one thinning run did: minute rows merged away, coarse rows written, expired rows deleted. */
    public record Thinned(int minuteRows, int coarseRows, int expiredRows) {
    }
}
