package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.signals.store.SignalKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The confirmation columns of {@code signal_outcomes} (the row is the outcome ledger's, written when the signal
 * opened), the post's time from {@code telegram_messages} and our detector's first signal from the kind's table.
 */
@Repository
class TelegramConfirmations {

    private final JdbcClient jdbc;

    TelegramConfirmations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Unchecked Telegram signals detected at or before {@code detectedBefore}, oldest first, locked until the
     * transaction ends and skipped by other replicas while locked. The post's time is Telegram's date of the post
     * that made the signal (found by the channel and the post's signal ids, or by a venue key
     * {@code tg:<chat>:<message>:<n>}), the detection time when there is none.
     */
    List<Due> due(Instant detectedBefore, int limit) {
        return jdbc.sql("SELECT o.signal_id, o.kind, o.symbol, o.open_net_percent, "
                + "COALESCE(post.posted_at, o.detected_at) AS posted_at FROM signal_outcomes o "
                + "LEFT JOIN LATERAL (SELECT m.posted_at FROM telegram_messages m WHERE "
                + "(m.chat_id = CASE WHEN o.channel ~ '^-?[0-9]{1,18}$' THEN CAST(o.channel AS BIGINT) END "
                + "AND m.signal_ids @> jsonb_build_array(CAST(o.signal_id AS TEXT))) "
                + "OR (m.chat_id = CASE WHEN o.venue_key ~ '^tg:-?[0-9]{1,18}:[0-9]{1,18}:' "
                + "THEN CAST(split_part(o.venue_key, ':', 2) AS BIGINT) END "
                + "AND m.message_id = CASE WHEN o.venue_key ~ '^tg:-?[0-9]{1,18}:[0-9]{1,18}:' "
                + "THEN CAST(split_part(o.venue_key, ':', 3) AS BIGINT) END) "
                + "ORDER BY m.posted_at LIMIT 1) post ON TRUE "
                + "WHERE o.source = 'TELEGRAM' AND o.confirmation IS NULL AND o.detected_at <= ? "
                + "ORDER BY o.detected_at LIMIT ? FOR UPDATE OF o SKIP LOCKED")
                .params(Timestamp.from(detectedBefore), limit)
                .query((rs, n) -> new Due(rs.getObject("signal_id", UUID.class), rs.getString("kind"),
                        rs.getString("symbol"), rs.getBigDecimal("open_net_percent"),
                        rs.getTimestamp("posted_at").toInstant()))
                .list();
    }

    /** When our detector first signalled the kind and symbol in {@code [from, to]}, if it did. */
    Optional<Instant> firstDetectorSignal(SignalKind kind, String symbol, Instant from, Instant to) {
        return jdbc.sql("SELECT min(detected_at) FROM " + kind.table()
                + " WHERE symbol = ? AND source = 'DETECTOR' AND detected_at >= ? AND detected_at <= ?")
                .params(symbol, Timestamp.from(from), Timestamp.from(to)).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    void save(UUID signalId, Confirmation confirmation, Long leadSeconds, Instant checkedAt) {
        jdbc.sql("UPDATE signal_outcomes SET confirmation = ?, channel_spread_percent = ?, our_spread_percent = ?, "
                + "confirmation_checked_at = ?, lead_seconds = ?, updated_at = ? WHERE signal_id = ?")
                .params(confirmation.status().name(), confirmation.channelSpreadPercent(),
                        confirmation.ourSpreadPercent(), Timestamp.from(checkedAt), leadSeconds,
                        Timestamp.from(checkedAt), signalId)
                .update();
    }

    /** A Telegram signal whose window has passed, not yet checked. */
    record Due(UUID signalId, String kind, String symbol, BigDecimal openNetPercent, Instant postedAt) {
    }
}
