package io.cryptotracker.signals.outcome;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;

/**
 * One signal's row of the outcome ledger, and its rules. Transitions return a new value.
 * <ul>
 * <li>Checkpoints fall due at +1, +5 and +30 min after detection. A due checkpoint takes the last observation of the
 * route made at or before its due time and no older than the freshness limit ({@code MEASURED}); without one it is
 * {@code NO_DATA}. Due checkpoints are taken before a newer observation is recorded, so the last observation is
 * always the one at the due time.</li>
 * <li>The peak is the best net spread observed in the first 30 min; a detector signal's opening net counts as its
 * first observation.</li>
 * <li>The signal converged the first time an observed net spread was below the kind's close threshold.</li>
 * <li>Observations go on after the signal closed, until the last checkpoint is taken: the ledger measures what the
 * route did, not how long the signal was listed.</li>
 * </ul>
 *
 * @param checkpoints one per {@link #MINUTES} entry, in that order; {@link Mark#PENDING} until taken
 * @param confirmation TELEGRAM: the check against our feed (written by the Telegram check), null otherwise
 */
public record OutcomeEntry(UUID signalId, Instant detectedAt, Instant closedAt, BigDecimal peakNetPercent,
        Instant peakAt, Instant convergedAt, BigDecimal lastNetPercent, Instant lastObservedAt, List<Mark> checkpoints,
        SignalData.Confirmation confirmation) {

    /** When the checkpoints fall due, in minutes after detection. */
    public static final List<Integer> MINUTES = List.of(1, 5, 30);

    /** The peak counts observations of this long after detection. */
    public static final Duration PEAK_WINDOW = Duration.ofMinutes(30);

    public OutcomeEntry {
        Objects.requireNonNull(detectedAt, "detectedAt");
        checkpoints = checkpoints == null ? List.of(Mark.PENDING, Mark.PENDING, Mark.PENDING)
                : List.copyOf(checkpoints);
        if (checkpoints.size() != MINUTES.size()) {
            throw new IllegalArgumentException("An outcome has " + MINUTES.size() + " checkpoints");
        }
    }

    /**
     * A new entry at detection. {@code openNetPercent} is the first observation when it was measured on our own data
     * (a detector signal); a Telegram or manual signal's stated spread is not, and is left out (null).
     */
    public static OutcomeEntry opened(UUID signalId, Instant detectedAt, BigDecimal openNetPercent) {
        return new OutcomeEntry(signalId, detectedAt, null, openNetPercent,
                openNetPercent == null ? null : detectedAt, null, openNetPercent,
                openNetPercent == null ? null : detectedAt, null, null);
    }

    /** The checkpoint's state: {@code null} while pending, else {@code MEASURED} or {@code NO_DATA}. */
    public record Mark(String state, BigDecimal netPercent) {

        public static final Mark PENDING = new Mark(null, null);

        static Mark noData() {
            return new Mark(SignalData.Outcome.NO_DATA, null);
        }

        static Mark measured(BigDecimal net) {
            return new Mark(SignalData.Outcome.MEASURED, net);
        }

        public boolean taken() {
            return state != null;
        }
    }

    public Instant dueAt(int index) {
        return detectedAt.plus(Duration.ofMinutes(MINUTES.get(index)));
    }

    /** All three checkpoints taken: the route is no longer watched. */
    public boolean complete() {
        return checkpoints.stream().allMatch(Mark::taken);
    }

    public boolean converged() {
        return convergedAt != null;
    }

    /** The checkpoints due by {@code now}, taken from the last observation. */
    public OutcomeEntry takeDue(Instant now, Duration maxAge) {
        return takeDue(now, maxAge, true);
    }

    private OutcomeEntry takeDue(Instant now, Duration maxAge, boolean dueNowToo) {
        List<Mark> marks = new ArrayList<>(checkpoints);
        boolean changed = false;
        for (int i = 0; i < marks.size(); i++) {
            Instant due = dueAt(i);
            if (!marks.get(i).taken() && (due.isBefore(now) || (dueNowToo && due.equals(now)))) {
                marks.set(i, freshAt(due, maxAge) ? Mark.measured(lastNetPercent) : Mark.noData());
                changed = true;
            }
        }
        return changed ? withCheckpoints(marks) : this;
    }

    private boolean freshAt(Instant due, Duration maxAge) {
        return lastObservedAt != null && !lastObservedAt.isAfter(due) && !lastObservedAt.isBefore(due.minus(maxAge));
    }

    /**
     * The route's net spread observed at {@code at}: due checkpoints first, then the last observation, the peak (first
     * 30 min) and convergence (below {@code closeThreshold}). An observation at a due time counts for it; one older
     * than the last observation is ignored.
     */
    public OutcomeEntry observe(BigDecimal netPercent, Instant at, BigDecimal closeThreshold, Duration maxAge) {
        OutcomeEntry due = takeDue(at, maxAge, false);
        if (due.complete() || (lastObservedAt != null && at.isBefore(lastObservedAt)) || at.isBefore(detectedAt)) {
            return due;
        }
        boolean peak = at.isBefore(detectedAt.plus(PEAK_WINDOW))
                && (peakNetPercent == null || netPercent.compareTo(peakNetPercent) > 0);
        boolean converges = convergedAt == null && netPercent.compareTo(closeThreshold) < 0;
        return new OutcomeEntry(signalId, detectedAt, closedAt, peak ? netPercent : peakNetPercent,
                peak ? at : peakAt, converges ? at : convergedAt, netPercent, at, due.checkpoints, confirmation);
    }

    public OutcomeEntry close(Instant at) {
        return closedAt != null ? this
                : new OutcomeEntry(signalId, detectedAt, at, peakNetPercent, peakAt, convergedAt, lastNetPercent,
                        lastObservedAt, checkpoints, confirmation);
    }

    /** Whether readers of the stream must hear of the change from {@code before}: a checkpoint taken, convergence. */
    public boolean movedSince(OutcomeEntry before) {
        return !checkpoints.equals(before.checkpoints) || !Objects.equals(convergedAt, before.convergedAt);
    }

    /** The outcome as the API shows it; time alive runs until {@code now} while the signal is open. */
    public SignalData.Outcome toWire(Instant now) {
        List<SignalData.Checkpoint> wire = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            Mark mark = checkpoints.get(i);
            wire.add(new SignalData.Checkpoint(MINUTES.get(i), dueAt(i),
                    mark.taken() ? mark.state() : SignalData.Outcome.PENDING, mark.netPercent()));
        }
        Instant end = closedAt != null ? closedAt : now;
        long alive = Math.max(0, Duration.between(detectedAt, end).getSeconds());
        return new SignalData.Outcome(wire, peakNetPercent, peakAt, converged(), convergedAt, alive, confirmation);
    }

    private OutcomeEntry withCheckpoints(List<Mark> marks) {
        return new OutcomeEntry(signalId, detectedAt, closedAt, peakNetPercent, peakAt, convergedAt, lastNetPercent,
                lastObservedAt, marks, confirmation);
    }
}
