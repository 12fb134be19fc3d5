package io.cryptotracker.signals.series;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The spread series' settings ({@code signals.series.*}).
 *
 * @param minuteRetention 1-minute buckets older than this are merged into {@code coarseStep} buckets
 * @param retention buckets older than this are deleted; also the longest range one request may ask for
 * @param coarseStep the thinned buckets' length: a whole number of minutes that divides a day
 * @param flushInterval how often the closed minutes are written (one multi-row upsert)
 * @param thinInterval how often the thinning job runs (one replica at a time)
 * @param maxPoints the most points per kind one answer may hold ({@code (to - from) / step})
 */
@ConfigurationProperties("signals.series")
public record SeriesSettings(@DefaultValue("2d") Duration minuteRetention, @DefaultValue("30d") Duration retention,
        @DefaultValue("15m") Duration coarseStep, @DefaultValue("10s") Duration flushInterval,
        @DefaultValue("10m") Duration thinInterval, @DefaultValue("20000") int maxPoints) {

    static final int MINUTE_SECONDS = 60;

    public SeriesSettings {
        long coarse = coarseStep.toSeconds();
        if (coarse < MINUTE_SECONDS || coarse % MINUTE_SECONDS != 0 || 86_400 % coarse != 0
                || coarse > Short.MAX_VALUE) {
            throw new IllegalArgumentException("signals.series.coarse-step must be whole minutes dividing a day");
        }
        if (minuteRetention.compareTo(retention) > 0 || minuteRetention.toMinutes() < 1) {
            throw new IllegalArgumentException(
                    "signals.series.minute-retention must be at least a minute and not above signals.series.retention");
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("signals.series.max-points must be positive");
        }
    }

    int coarseSeconds() {
        return (int) coarseStep.toSeconds();
    }

    /** The first coarse bucket's start from which every 1-minute bucket is still kept at {@code now}. */
    Instant minutesKeptFrom(Instant now) {
        long coarse = coarseSeconds();
        long oldest = now.minus(minuteRetention).getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(oldest + coarse - 1, coarse) * coarse);
    }
}
