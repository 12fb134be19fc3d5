package io.cryptotracker.users.subscription;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends VIP at {@code expires_at} without anyone asking: every replica triggers the job, one runs it at a time
 * ({@link ClusterJobs}), and rows are taken with SKIP LOCKED, so no plan is ended twice.
 */
@Component
class SubscriptionExpiry {

    static final String JOB = "user-service.expire-subscriptions";

    private final ClusterJobs jobs;
    private final SubscriptionChanges changes;
    private final SubscriptionProperties properties;

    SubscriptionExpiry(ClusterJobs jobs, SubscriptionChanges changes, SubscriptionProperties properties) {
        this.jobs = jobs;
        this.changes = changes;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${cryptotracker.users.subscriptions.expiry-check-interval}",
            initialDelayString = "${cryptotracker.users.subscriptions.expiry-check-interval}")
    void endExpiredVipPlans() {
        jobs.runExclusively(JOB, () -> changes.expireDue(properties.expiryBatchSize()));
    }
}
