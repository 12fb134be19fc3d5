package io.cryptotracker.signals.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalDeleted;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a signal goes through here: the row, a history entry and the lifecycle event with its stream
 * position ({@code seq}) are written in one transaction. Changes are serialized by one advisory lock taken before
 * the sequence, so seq order is commit order and the outbox relays the stream in seq order.
 */
@Service
public class SignalLifecycle {

    static final int SEQ_LOCK_NAMESPACE = 0x0B0C_0101;

    private final SignalStore store;
    private final SignalHistory history;
    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignalOutcomes outcomes;

    public SignalLifecycle(SignalStore store, SignalHistory history, OutboxWriter outbox, JdbcClient jdbc,
            Clock clock, SignalOutcomes outcomes) {
        this.store = store;
        this.history = history;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Stores a new OPEN signal; {@code data} carries everything but the times, status and peak, which are set here. */
    @Transactional
    public SignalData open(SignalData data, String venueKey, Instant expiresAt) {
        Instant now = now();
        SignalData opened = new SignalData(data.id(), data.kind(), data.symbol(), data.spreadPercent(),
                data.netSpreadPercent(), data.spreadPercent(), SignalStatus.OPEN.name(), data.source(),
                data.detectedAt() != null ? data.detectedAt() : now, now, null, data.spotFutures(), data.funding(),
                data.dex(), data.execution());
        StoredSignal stored = new StoredSignal(opened, venueKey, expiresAt);
        store.insert(stored);
        outcomes.opened(stored);
        long seq = nextSeq();
        SignalCreated event = SignalCreated.of(seq, opened, now);
        history.record(seq, "created", now, opened, event);
        outbox.append(Topics.SIGNALS, event);
        return opened;
    }

    /** The signal moved: new spreads and details, peak kept, times set here. */
    @Transactional
    public SignalData update(StoredSignal current, SignalData moved, Instant expiresAt) {
        Instant now = now();
        SignalData before = current.data();
        SignalData updated = new SignalData(before.id(), before.kind(), before.symbol(), moved.spreadPercent(),
                moved.netSpreadPercent(), max(before.peakSpreadPercent(), moved.spreadPercent()), before.status(),
                before.source(), before.detectedAt(), now, before.closedAt(), moved.spotFutures(), moved.funding(),
                moved.dex(), moved.execution()).withOutcome(outcomes.of(before.id(), now).orElse(null));
        store.update(new StoredSignal(updated, current.venueKey(), expiresAt));
        long seq = nextSeq();
        SignalUpdated event = SignalUpdated.of(seq, updated, now);
        history.record(seq, "updated", now, updated, event);
        outbox.append(Topics.SIGNALS, event);
        return updated;
    }

    /** Closes an OPEN signal, keeping its last prices. */
    @Transactional
    public SignalData close(StoredSignal current) {
        Instant now = now();
        SignalData before = current.data();
        SignalData closed = new SignalData(before.id(), before.kind(), before.symbol(), before.spreadPercent(),
                before.netSpreadPercent(), before.peakSpreadPercent(), SignalStatus.CLOSED.name(), before.source(),
                before.detectedAt(), now, now, before.spotFutures(), before.funding(), before.dex(),
                before.execution());
        outcomes.closed(before.id(), now);
        closed = closed.withOutcome(outcomes.of(before.id(), now).orElse(null));
        store.update(new StoredSignal(closed, current.venueKey(), current.expiresAt()));
        long seq = nextSeq();
        SignalClosed event = SignalClosed.of(seq, closed, now);
        history.record(seq, "closed", now, closed, event);
        outbox.append(Topics.SIGNALS, event);
        return closed;
    }

    /**
     * The OPEN signal's outcome moved (a checkpoint taken, the spread converged): readers of the stream see it in a
     * {@code SignalUpdated} with the same spreads. A closed signal announces nothing more; its outcome is read with
     * it ({@code GET /api/v1/signals/{id}}).
     */
    @Transactional
    public void outcomeMoved(StoredSignal current) {
        SignalData before = current.data();
        if (!SignalStatus.OPEN.name().equals(before.status())) {
            return;
        }
        Instant now = now();
        SignalData updated = new SignalData(before.id(), before.kind(), before.symbol(), before.spreadPercent(),
                before.netSpreadPercent(), before.peakSpreadPercent(), before.status(), before.source(),
                before.detectedAt(), now, null, before.spotFutures(), before.funding(), before.dex(),
                before.execution()).withOutcome(outcomes.of(before.id(), now).orElse(null));
        store.update(new StoredSignal(updated, current.venueKey(), current.expiresAt()));
        long seq = nextSeq();
        SignalUpdated event = SignalUpdated.of(seq, updated, now);
        history.record(seq, "updated", now, updated, event);
        outbox.append(Topics.SIGNALS, event);
    }

    /** Removes a signal and its history and announces it with its last state. */
    @Transactional
    public void delete(StoredSignal current) {
        Instant now = now();
        store.delete(current.kind(), current.data().id());
        outcomes.deleted(current.data().id());
        history.deleteOf(current.data().id());
        outbox.append(Topics.SIGNALS, SignalDeleted.of(nextSeq(), current.data(), now));
    }

    private long nextSeq() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, 0)").param(SEQ_LOCK_NAMESPACE).query().listOfRows();
        return jdbc.sql("SELECT nextval('signal_event_seq')").query(Long.class).single();
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
