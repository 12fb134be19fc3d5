package io.cryptotracker.common.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps {@code processed_events} bounded: an event id only has to be remembered while the event can still be
 * redelivered, that is while it is on its topic (Kafka keeps records 7 days unless told otherwise). Rows older than
 * {@code cryptotracker.messaging.processed-events-retention} ({@code PROCESSED_EVENTS_RETENTION}, 14 days) are
 * deleted hourly, in slices, by one replica at a time.
 */
public class ProcessedEventsCleanup {

    static final String JOB = "common.processed-events-cleanup";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsCleanup.class);
    private static final int SLICE = 10_000;

    private final JdbcTemplate jdbc;
    private final ClusterJobs jobs;
    private final Duration retention;
    private final Clock clock;

    public ProcessedEventsCleanup(JdbcTemplate jdbc, ClusterJobs jobs, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${cryptotracker.messaging.processed-events-cleanup-interval:PT1H}",
            fixedDelayString = "${cryptotracker.messaging.processed-events-cleanup-interval:PT1H}")
    void scheduled() {
        try {
            removeExpired();
        }
        catch (RuntimeException ex) {
            log.warn("Cleaning processed_events failed, retried next time: {}", ex.getClass().getSimpleName());
        }
    }

    /** @return how many rows were deleted (0 also when another replica is at it) */
    public int removeExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        int removed = jobs.deleteInSlices(JOB, SLICE, () -> jdbc.update("""
                DELETE FROM processed_events WHERE (consumer, event_id) IN (
                  SELECT consumer, event_id FROM processed_events WHERE processed_at < ? LIMIT ?)
                """, cutoff, SLICE));
        if (removed > 0) {
            log.info("Deleted {} processed event ids older than {}", removed, retention);
        }
        return removed;
    }
}
