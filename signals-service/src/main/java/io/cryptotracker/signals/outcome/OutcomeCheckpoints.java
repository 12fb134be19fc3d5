package io.cryptotracker.signals.outcome;

import io.cryptotracker.signals.store.SignalLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes due checkpoints every few seconds, so they fill even when the route sends no observation (then they are
 * {@code NO_DATA}). Every replica runs it: each signal in its own short transaction, rows another replica holds
 * skipped ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class OutcomeCheckpoints {

    private static final int BATCH = 500;

    private final OutcomeLedger ledger;
    private final SignalLifecycle lifecycle;
    private final TransactionTemplate transactions;

    OutcomeCheckpoints(OutcomeLedger ledger, SignalLifecycle lifecycle, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${signals.outcomes.checkpoint-interval:5s}", initialDelayString = "5s")
    void takeDue() {
        var now = lifecycle.now();
        ledger.due(now, BATCH).forEach(due -> transactions
                .executeWithoutResult(status -> ledger.takeDue(due.signalId(), due.kind(), now)));
    }
}
