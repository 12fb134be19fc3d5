package io.cryptotracker.notifications.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the history bounded: notifications older than {@code notifications.inbox.retention}
 * ({@code NOTIFICATIONS_RETENTION}, 90 days) go, with their email queue rows, and email delivery records once they
 * no longer count for any hourly rate. One replica at a time, in slices, so no long lock is held.
 */
@Component
public class NotificationRetention {

    static final String JOB = "notification-service.notification-retention";
    private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);
    private static final int SLICE = 5_000;
    private static final Duration DELIVERIES_KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final InboxProperties properties;
    private final Clock clock;

    NotificationRetention(JdbcClient jdbc, ClusterJobs jobs, InboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${notifications.inbox.cleanup-interval:PT1H}",
            fixedDelayString = "${notifications.inbox.cleanup-interval:PT1H}")
    void scheduled() {
        try {
            removeExpired();
        }
        catch (RuntimeException ex) {
            log.warn("Notification retention failed, retried next time: {}", ex.getClass().getSimpleName());
        }
    }

    /** @return how many notifications were removed (0 also when another replica is at it) */
    public int removeExpired() {
        Instant now = clock.instant();
        Timestamp cutoff = Timestamp.from(now.minus(properties.retention()));
        int removed = jobs.deleteInSlices(JOB, SLICE, () -> jdbc.sql("""
                DELETE FROM notifications WHERE id IN (
                  SELECT id FROM notifications WHERE created_at < :cutoff LIMIT :slice)
                """).param("cutoff", cutoff).param("slice", SLICE).update());
        jobs.runExclusively(JOB, () -> jdbc.sql("DELETE FROM email_deliveries WHERE sent_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(DELIVERIES_KEPT))).update());
        if (removed > 0) {
            log.info("Removed {} notifications older than {}", removed, properties.retention());
        }
        return removed;
    }
}
