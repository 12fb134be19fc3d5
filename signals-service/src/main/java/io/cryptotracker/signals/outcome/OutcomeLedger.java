package io.cryptotracker.signals.outcome;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.Candidate;
import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalOutcomes;
import io.cryptotracker.signals.store.SignalSource;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome ledger ({@code signal_outcomes}): a row when a signal opens, its close, the detector's observations of
 * the route and the checkpoints ({@link OutcomeEntry} holds the rules). Every write runs in the caller's
 * transaction. Locks are taken signal row first, ledger row second – the order of the lifecycle, which changes a
 * locked signal and then its ledger row – so the detector, the checkpoint job and the Telegram ingest never wait
 * on each other in a circle.
 */
@Service
public class OutcomeLedger implements SignalOutcomes {

    private static final String COLUMNS = "signal_id, detected_at, closed_at, peak_net_percent, peak_at, converged_at, "
            + "last_net_percent, last_observed_at, checkpoint_1m, net_1m_percent, checkpoint_5m, net_5m_percent, "
            + "checkpoint_30m, net_30m_percent, confirmation, channel_spread_percent, our_spread_percent, "
            + "confirmation_checked_at, lead_seconds";

    private final JdbcClient jdbc;
    private final WatchedRoutes watched;
    private final DetectionSettings detection;
    private final OutcomeSettings settings;
    private final SignalLifecycle lifecycle;

    /** The lifecycle calls the ledger and the ledger announces through it: one of the two is lazy. */
    OutcomeLedger(JdbcClient jdbc, WatchedRoutes watched, DetectionSettings detection, OutcomeSettings settings,
            @Lazy SignalLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.watched = watched;
        this.detection = detection;
        this.settings = settings;
        this.lifecycle = lifecycle;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void opened(StoredSignal signal) {
        SignalData data = signal.data();
        OutcomeRoute route = OutcomeRoute.of(signal);
        boolean detector = SignalSource.DETECTOR.name().equals(data.source());
        OutcomeEntry entry = OutcomeEntry.opened(data.id(), data.detectedAt(),
                detector ? data.netSpreadPercent() : null);
        jdbc.sql("INSERT INTO signal_outcomes (signal_id, kind, symbol, source, venue_key, buy_venue, sell_venue, "
                + "buy_exchange, sell_exchange, channel, detected_at, open_net_percent, peak_net_percent, peak_at, "
                + "last_net_percent, last_observed_at, channel_spread_percent, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(data.id(), data.kind(), data.symbol(), data.source(), route.venueKey(), route.buyVenue(),
                        route.sellVenue(), route.buyExchange(), route.sellExchange(), route.channel(),
                        ts(entry.detectedAt()), data.netSpreadPercent(), entry.peakNetPercent(), ts(entry.peakAt()),
                        entry.lastNetPercent(), ts(entry.lastObservedAt()),
                        SignalSource.TELEGRAM.name().equals(data.source()) ? data.spreadPercent() : null,
                        ts(lifecycle.now()))
                .update();
        if (route.observable()) {
            watched.add(new WatchedRoutes.Route(data.kind(), data.symbol(), route.venueKey()));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(UUID signalId, Instant closedAt) {
        jdbc.sql("UPDATE signal_outcomes SET closed_at = ?, updated_at = ? WHERE signal_id = ? AND closed_at IS NULL")
                .params(ts(closedAt), ts(closedAt), signalId).update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(UUID signalId) {
        jdbc.sql("DELETE FROM signal_outcomes WHERE signal_id = ?").param(signalId).update();
    }

    @Override
    public Optional<SignalData.Outcome> of(UUID signalId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal_outcomes WHERE signal_id = ?").param(signalId)
                .query((rs, row) -> entry(rs)).optional().map(entry -> entry.toWire(now));
    }

    @Override
    public Map<UUID, SignalData.Outcome> of(Collection<UUID> signalIds, Instant now) {
        Map<UUID, SignalData.Outcome> outcomes = new HashMap<>();
        if (signalIds.isEmpty()) {
            return outcomes;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM signal_outcomes WHERE signal_id = ANY(?)")
                .param(signalIds.toArray(UUID[]::new)).query((rs, row) -> entry(rs)).list()
                .forEach(entry -> outcomes.put(entry.signalId(), entry.toWire(now)));
        return outcomes;
    }

    /**
     * The detector measured a candidate's net spread at {@code at}: every outcome still watched on its route takes it
     * (after its due checkpoints). Open signals whose outcome moved announce it, except {@code decided}: the signal
     * the detector is deciding on this candidate, whose own event carries its outcome.
     *
     * @param decided the OPEN signal of the candidate's route the caller holds locked, null when none
     * @return whether {@code decided}'s outcome moved (a checkpoint or convergence), so it must be announced
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean observe(Candidate candidate, BigDecimal netPercent, Instant at, UUID decided) {
        String kind = candidate.kind().apiName();
        if (netPercent == null || !watched.contains(kind, candidate.symbol(), candidate.venueKey())) {
            return false;
        }
        List<UUID> ids = jdbc.sql("SELECT signal_id FROM signal_outcomes WHERE kind = ? AND symbol = ? "
                + "AND venue_key = ? AND NOT complete ORDER BY signal_id").params(kind, candidate.symbol(),
                        candidate.venueKey()).query(UUID.class).list();
        boolean decidedMoved = false;
        for (UUID id : ids) {
            Optional<StoredSignal> signal = id.equals(decided) ? Optional.empty()
                    : lockSignal(candidate.kind(), id, false);
            Optional<OutcomeEntry> locked = lockEntry(id, false);
            if (locked.isEmpty() || locked.get().complete()) {
                continue;
            }
            OutcomeEntry before = locked.get();
            OutcomeEntry after = before.observe(netPercent, at, closeThreshold(candidate.kind()),
                    settings.observationMaxAge());
            if (after.equals(before)) {
                continue;
            }
            save(after, at);
            if (after.movedSince(before) && after.closedAt() == null) {
                if (id.equals(decided)) {
                    decidedMoved = true;
                }
                else {
                    signal.ifPresent(lifecycle::outcomeMoved);
                }
            }
        }
        return decidedMoved;
    }

    /**
     * Takes the checkpoints of one signal that are due by {@code now}, announcing them while it is open. Rows another
     * transaction holds are skipped: the next round takes them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeDue(UUID signalId, SignalKind kind, Instant now) {
        Optional<StoredSignal> signal = lockSignal(kind, signalId, true);
        if (signal.isEmpty() && exists(kind, signalId)) {
            return;
        }
        // a ledger row without its signal (e.g. written by hand) is still completed, so it leaves the due list
        Optional<OutcomeEntry> locked = lockEntry(signalId, true);
        if (locked.isEmpty()) {
            return;
        }
        OutcomeEntry before = locked.get();
        OutcomeEntry after = before.takeDue(now, settings.observationMaxAge());
        if (after.equals(before)) {
            return;
        }
        save(after, now);
        if (after.movedSince(before) && after.closedAt() == null) {
            signal.ifPresent(lifecycle::outcomeMoved);
        }
    }

    private boolean exists(SignalKind kind, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + kind.table() + " WHERE id = ?").param(id).query(Long.class)
                .single() > 0;
    }

    /** Signals with a checkpoint due by {@code now}, oldest first. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT signal_id, kind FROM signal_outcomes WHERE NOT complete AND ("
                + "(checkpoint_1m IS NULL AND detected_at <= ?) OR (checkpoint_5m IS NULL AND detected_at <= ?) "
                + "OR (checkpoint_30m IS NULL AND detected_at <= ?)) ORDER BY detected_at LIMIT ?")
                .params(ts(now.minusSeconds(60 * OutcomeEntry.MINUTES.get(0))),
                        ts(now.minusSeconds(60 * OutcomeEntry.MINUTES.get(1))),
                        ts(now.minusSeconds(60 * OutcomeEntry.MINUTES.get(2))), limit)
                .query((rs, row) -> new Due(rs.getObject("signal_id", UUID.class),
                        SignalKind.fromApiName(rs.getString("kind")).orElseThrow()))
                .list();
    }

    /** A signal with a checkpoint due. */
    public record Due(UUID signalId, SignalKind kind) {
    }

    private BigDecimal closeThreshold(SignalKind kind) {
        return switch (kind) {
            case MEXC_SPOT_FUTURES -> detection.spotFutures().close();
            case FUNDING_RATE -> detection.funding().close();
            case MEXC_DEX -> detection.dex().close();
        };
    }

    private Optional<StoredSignal> lockSignal(SignalKind kind, UUID id, boolean skipLocked) {
        return jdbc.sql("SELECT * FROM " + kind.table() + " WHERE id = ? FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""))
                .param(id).query((rs, row) -> SignalStore.map(kind, rs)).optional();
    }

    private Optional<OutcomeEntry> lockEntry(UUID id, boolean skipLocked) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal_outcomes WHERE signal_id = ? FOR UPDATE"
                + (skipLocked ? " SKIP LOCKED" : "")).param(id).query((rs, row) -> entry(rs)).optional();
    }

    private void save(OutcomeEntry entry, Instant now) {
        List<OutcomeEntry.Mark> marks = entry.checkpoints();
        jdbc.sql("UPDATE signal_outcomes SET closed_at = ?, peak_net_percent = ?, peak_at = ?, converged_at = ?, "
                + "last_net_percent = ?, last_observed_at = ?, checkpoint_1m = ?, net_1m_percent = ?, "
                + "checkpoint_5m = ?, net_5m_percent = ?, checkpoint_30m = ?, net_30m_percent = ?, complete = ?, "
                + "updated_at = ? WHERE signal_id = ?")
                .params(ts(entry.closedAt()), entry.peakNetPercent(), ts(entry.peakAt()), ts(entry.convergedAt()),
                        entry.lastNetPercent(), ts(entry.lastObservedAt()), marks.get(0).state(),
                        marks.get(0).netPercent(), marks.get(1).state(), marks.get(1).netPercent(),
                        marks.get(2).state(), marks.get(2).netPercent(), entry.complete(), ts(now),
                        entry.signalId())
                .update();
    }

    private static OutcomeEntry entry(ResultSet rs) throws SQLException {
        String confirmation = rs.getString("confirmation");
        long lead = rs.getLong("lead_seconds");
        Long leadSeconds = rs.wasNull() ? null : lead;
        return new OutcomeEntry(rs.getObject("signal_id", UUID.class), instant(rs, "detected_at"),
                instant(rs, "closed_at"), rs.getBigDecimal("peak_net_percent"), instant(rs, "peak_at"),
                instant(rs, "converged_at"), rs.getBigDecimal("last_net_percent"), instant(rs, "last_observed_at"),
                List.of(mark(rs, "checkpoint_1m", "net_1m_percent"), mark(rs, "checkpoint_5m", "net_5m_percent"),
                        mark(rs, "checkpoint_30m", "net_30m_percent")),
                confirmation == null ? null
                        : new SignalData.Confirmation(confirmation, rs.getBigDecimal("channel_spread_percent"),
                                rs.getBigDecimal("our_spread_percent"), instant(rs, "confirmation_checked_at"),
                                leadSeconds));
    }

    private static OutcomeEntry.Mark mark(ResultSet rs, String state, String net) throws SQLException {
        String value = rs.getString(state);
        return value == null ? OutcomeEntry.Mark.PENDING : new OutcomeEntry.Mark(value, rs.getBigDecimal(net));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
