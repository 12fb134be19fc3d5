package io.cryptotracker.signals.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;

/**
 * What the lifecycle tells the outcome ledger ({@code outcome.OutcomeLedger}) and asks of it. An interface because
 * the ledger depends on the store (it announces through {@link SignalLifecycle}), so the store must not depend on it.
 * Every call runs in the caller's transaction, with the signal's row already locked by it.
 */
public interface SignalOutcomes {

    /** A signal opened: its ledger row is written and its route watched. */
    void opened(StoredSignal signal);

    void closed(UUID signalId, Instant closedAt);

    void deleted(UUID signalId);

    /** The signal's outcome as of {@code now}; empty when it has no ledger row. */
    Optional<SignalData.Outcome> of(UUID signalId, Instant now);

    /** The outcomes of these signals (those with a ledger row), in one read. */
    Map<UUID, SignalData.Outcome> of(Collection<UUID> signalIds, Instant now);
}
