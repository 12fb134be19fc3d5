package io.cryptotracker.signals.telegram;

import io.cryptotracker.common.scheduling.ClusterJobs;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes signals from posts once {@code signals.telegram-ttl} has passed; one replica at a time. */
@Component
class TelegramExpiry {

    private static final int BATCH = 500;

    private final ClusterJobs jobs;
    private final SignalStore store;
    private final SignalLifecycle lifecycle;

    TelegramExpiry(ClusterJobs jobs, SignalStore store, SignalLifecycle lifecycle) {
        this.jobs = jobs;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelayString = "${signals.expiry-check-interval:30s}", initialDelayString = "5s")
    void closeExpired() {
        jobs.runExclusively("signals-service.close-expired", () -> {
            for (SignalKind kind : SignalKind.values()) {
                store.expired(kind, lifecycle.now(), BATCH).forEach(lifecycle::close);
            }
        });
    }
}
