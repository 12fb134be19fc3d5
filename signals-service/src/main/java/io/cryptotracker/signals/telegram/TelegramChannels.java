package io.cryptotracker.signals.telegram;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per channel: its posts in {@code telegram_messages} and its signals' checks in {@code signal_outcomes}. */
@Repository
class TelegramChannels {

    private final JdbcClient jdbc;

    TelegramChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Posts dated and signals detected in {@code [from, to]}, most posts first. */
    List<ChannelScore> scores(Instant from, Instant to) {
        return jdbc.sql("WITH posts AS (SELECT CAST(chat_id AS VARCHAR) AS channel, count(*) AS posts, "
                + "count(*) FILTER (WHERE status = 'PARSED') AS parsed, "
                + "(array_agg(chat_title ORDER BY received_at DESC) FILTER (WHERE chat_title IS NOT NULL))[1] AS title "
                + "FROM telegram_messages WHERE posted_at >= :from AND posted_at <= :to GROUP BY chat_id), "
                + "signals AS (SELECT channel, count(*) AS signals, count(confirmation) AS checked, "
                + "count(*) FILTER (WHERE confirmation = 'CONFIRMED') AS confirmed, "
                + "count(*) FILTER (WHERE confirmation = 'NOT_REPRODUCIBLE') AS not_reproducible, "
                + "count(*) FILTER (WHERE confirmation = 'NO_MARKET_DATA') AS no_market_data, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_seconds) AS median_lead "
                + "FROM signal_outcomes WHERE source = 'TELEGRAM' AND channel IS NOT NULL "
                + "AND detected_at >= :from AND detected_at <= :to GROUP BY channel) "
                + "SELECT COALESCE(p.channel, s.channel) AS channel, p.title, COALESCE(p.posts, 0) AS posts, "
                + "COALESCE(p.parsed, 0) AS parsed, COALESCE(s.signals, 0) AS signals, "
                + "COALESCE(s.checked, 0) AS checked, COALESCE(s.confirmed, 0) AS confirmed, "
                + "COALESCE(s.not_reproducible, 0) AS not_reproducible, "
                + "COALESCE(s.no_market_data, 0) AS no_market_data, s.median_lead "
                + "FROM posts p FULL JOIN signals s ON s.channel = p.channel "
                + "ORDER BY posts DESC, signals DESC, channel")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(TelegramChannels::score).list();
    }

    private static ChannelScore score(ResultSet rs, int n) throws SQLException {
        long posts = rs.getLong("posts");
        long checked = rs.getLong("checked");
        double lead = rs.getDouble("median_lead");
        Double medianLead = rs.wasNull() ? null : lead;
        return new ChannelScore(rs.getString("channel"), rs.getString("title"), posts,
                share(rs.getLong("parsed"), posts), rs.getLong("signals"), checked,
                share(rs.getLong("confirmed"), checked), rs.getLong("not_reproducible"),
                rs.getLong("no_market_data"), medianLead);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
