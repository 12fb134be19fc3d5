package io.cryptotracker.signals.outcome;

import io.cryptotracker.signals.store.SignalLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes due checkpoints every second, so they fill even when the route sends no observation (then they are
 * {@code NO_DATA}). Every replica runs it: each signal in its own short transaction, rows another replica holds
 * skipped ({@code FOR UPDATE SKIP LOCKED}). The interval is short on purpose: a round announces every checkpoint that
 * fell due since the last one in one go, each a {@code SignalUpdated} to every VIP socket and a transaction under the
 * lifecycle's sequence lock, so a long interval turns a steady flow of signals into bursts that the webhook and the
 * detector wait behind (bench/websocket README "End-to-end findings").
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

    @Scheduled(fixedDelayString = "${signals.outcomes.checkpoint-interval:1s}", initialDelayString = "5s")
    void takeDue() {
        var now = lifecycle.now();
        ledger.due(now, BATCH).forEach(due -> transactions
                .executeWithoutResult(status -> ledger.takeDue(due.signalId(), due.kind(), now)));
    }
}
