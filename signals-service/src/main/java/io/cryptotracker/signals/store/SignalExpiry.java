package io.cryptotracker.signals.store;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes OPEN signals at their {@code expires_at}: Telegram signals after {@code signals.telegram-ttl}, detector
 * signals whose venues stopped sending fresh quotes. One replica at a time.
 */
@Component
class SignalExpiry {

    private static final int BATCH = 500;

    private final ClusterJobs jobs;
    private final SignalStore store;
    private final SignalLifecycle lifecycle;

    SignalExpiry(ClusterJobs jobs, SignalStore store, SignalLifecycle lifecycle) {
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
