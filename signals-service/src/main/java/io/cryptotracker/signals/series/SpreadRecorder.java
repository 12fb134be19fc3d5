package io.cryptotracker.signals.series;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.cryptotracker.signals.detect.Candidate;
import io.cryptotracker.signals.store.SignalKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every spread the detectors measured, kept per symbol and kind as the current minute's bucket (min, max and last of
 * the gross and the top-of-book net) in memory, and written when the minute has closed, all buckets in one multi-row
 * upsert: the detector path never waits for the database. Of several routes of a symbol and kind in one snapshot
 * (funding pairs, pools) the best counts: the highest net, with its gross. A crash loses the open minute.
 */
@Component
public class SpreadRecorder {

    private static final Logger log = LoggerFactory.getLogger(SpreadRecorder.class);

    /** Closed buckets kept for the next try while the database is away, at most this many (then the oldest go). */
    private static final int MAX_PENDING = 200_000;

    private static final Comparator<Candidate> BEST_ROUTE = Comparator
            .comparing(Candidate::netSpreadPercent, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate::spreadPercent, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<Key, Bucket> open = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<SpreadPoint> closed = new ConcurrentLinkedQueue<>();
    private final SpreadSeries series;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int coarseSeconds;

    SpreadRecorder(SpreadSeries series, Clock clock, MeterRegistry meters, SeriesSettings settings) {
        this.series = series;
        this.clock = clock;
        this.meters = meters;
        this.coarseSeconds = settings.coarseSeconds();
    }

    /** The candidates of one snapshot, measured at {@code now}; the best route per symbol and kind counts. */
    public void record(List<Candidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return;
        }
        Map<Key, Candidate> best = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.spreadPercent() != null) {
                best.merge(new Key(candidate.symbol(), candidate.kind()), candidate,
                        (a, b) -> BEST_ROUTE.compare(b, a) > 0 ? b : a);
            }
        }
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        best.forEach((key, candidate) -> open.compute(key, (k, bucket) -> {
            if (bucket != null && !minute.isAfter(bucket.minute)) {
                // a late measurement of an earlier minute still counts towards the open one's range
                bucket.add(candidate, !minute.isBefore(bucket.minute));
                return bucket;
            }
            if (bucket != null) {
                closed.add(bucket.point(k));
            }
            return new Bucket(minute, candidate);
        }));
    }

    /** Writes every bucket whose minute has closed; the open minute's stay in memory. */
    @Scheduled(fixedDelayString = "${signals.series.flush-interval:10s}",
            initialDelayString = "${signals.series.flush-interval:10s}")
    public int flush() {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<SpreadPoint> points = new ArrayList<>();
        for (SpreadPoint point; (point = closed.poll()) != null;) {
            points.add(point);
        }
        for (Key key : open.keySet()) {
            open.computeIfPresent(key, (k, bucket) -> {
                if (bucket.minute.isBefore(minute)) {
                    points.add(bucket.point(k));
                    return null;
                }
                return bucket;
            });
        }
        if (points.isEmpty()) {
            return 0;
        }
        // each closed minute also goes into its coarse bucket at once, so charts with a step of whole coarse buckets
        // read one row where they would read fifteen (the thinning merges the same minutes again: no change)
        List<SpreadPoint> rows = new ArrayList<>(points.size() * 2);
        rows.addAll(points);
        points.forEach(point -> rows.add(point.within(coarseSeconds)));
        try {
            series.write(rows);
            meters.counter("cryptotracker.signals.series.buckets.written").increment(points.size());
            return points.size();
        }
        catch (DataAccessException ex) {
            int kept = Math.min(points.size(), MAX_PENDING);
            closed.addAll(points.subList(points.size() - kept, points.size()));
            log.warn("Spread series: {} closed bucket(s) not written, retried at the next flush: {}", kept,
                    ex.getClass().getSimpleName());
            return 0;
        }
    }

    private record Key(String symbol, SignalKind kind) {
    }

    /** The open minute of one symbol and kind; changed only inside the map's compute for its key. */
    private static final class Bucket {

        final Instant minute;
        double grossMin;
        double grossMax;
        double grossLast;
        Double netMin;
        Double netMax;
        Double netLast;

        Bucket(Instant minute, Candidate first) {
            this.minute = minute;
            double gross = first.spreadPercent().doubleValue();
            grossMin = gross;
            grossMax = gross;
            grossLast = gross;
            Double net = value(first.netSpreadPercent());
            netMin = net;
            netMax = net;
            netLast = net;
        }

        void add(Candidate candidate, boolean latest) {
            double gross = candidate.spreadPercent().doubleValue();
            grossMin = Math.min(grossMin, gross);
            grossMax = Math.max(grossMax, gross);
            Double net = value(candidate.netSpreadPercent());
            if (net != null) {
                netMin = netMin == null ? net : Math.min(netMin, net);
                netMax = netMax == null ? net : Math.max(netMax, net);
            }
            if (latest) {
                grossLast = gross;
                netLast = net != null ? net : netLast;
            }
        }

        SpreadPoint point(Key key) {
            return new SpreadPoint(key.symbol(), key.kind(), SeriesSettings.MINUTE_SECONDS, minute, grossMin,
                    grossMax, grossLast, netMin, netMax, netLast);
        }

        private static Double value(BigDecimal percent) {
            return percent == null ? null : percent.doubleValue();
        }
    }
}
