package io.cryptotracker.signals.series;

import java.time.Clock;
import java.time.Instant;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Thins the spread series: 1-minute buckets older than {@code signals.series.minute-retention} become
 * {@code coarse-step} buckets (min of mins, max of maxes, last of lasts), buckets older than
 * {@code signals.series.retention} go. One replica at a time (advisory lock), one transaction a run; a run that
 * finds nothing to do changes nothing.
 */
@Component
public class SpreadThinning {

    private static final Logger log = LoggerFactory.getLogger(SpreadThinning.class);

    private final ClusterJobs jobs;
    private final SpreadSeries series;
    private final SeriesSettings settings;
    private final Clock clock;

    SpreadThinning(ClusterJobs jobs, SpreadSeries series, SeriesSettings settings, Clock clock) {
        this.jobs = jobs;
        this.series = series;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${signals.series.thin-interval:10m}",
            initialDelayString = "${signals.series.thin-interval:10m}")
    public void thin() {
        Instant now = clock.instant();
        long coarse = settings.coarseSeconds();
        // whole coarse buckets only, so each is merged once from all its minutes
        long cutoff = Math.floorDiv(now.minus(settings.minuteRetention()).getEpochSecond(), coarse) * coarse;
        jobs.runExclusively("signals-service.thin-spread-series", () -> {
            SpreadSeries.Thinned thinned = series.thin(Instant.ofEpochSecond(cutoff),
                    now.minus(settings.retention()), settings.coarseSeconds());
            if (thinned.minuteRows() + thinned.expiredRows() > 0) {
                log.info("Spread series thinned: {} minute bucket(s) into {} coarse, {} expired bucket(s) deleted",
                        thinned.minuteRows(), thinned.coarseRows(), thinned.expiredRows());
            }
        });
    }
}
