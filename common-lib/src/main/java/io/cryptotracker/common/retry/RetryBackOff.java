package io.cryptotracker.common.retry;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The suite's one retry pause: it starts at {@code initialInterval}, grows by {@code multiplier} after each failure up
 * to {@code maxInterval}, and, when {@code maxElapsedTime} is set, gives up once the pauses add up to it. Spring's
 * {@link ExponentialBackOff} does the arithmetic; this record only carries the settings of one use (bindable as
 * configuration properties, the defaults those of the Kafka listeners).
 *
 * @param initialInterval the first pause
 * @param multiplier how much each further pause grows
 * @param maxInterval the longest pause
 * @param maxElapsedTime when to give up; {@code null} retries for as long as it takes
 */
public record RetryBackOff(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
        @DefaultValue("30s") Duration maxInterval, Duration maxElapsedTime) {

    /** Pauses from {@code first}, doubling up to {@code max}, never giving up. */
    public static RetryBackOff doubling(Duration first, Duration max) {
        return new RetryBackOff(first, 2.0, max, null);
    }

    /** A new back-off with these settings; {@link ExponentialBackOff#start()} begins a series of pauses. */
    public ExponentialBackOff toBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
        backOff.setMaxInterval(maxInterval.toMillis());
        if (maxElapsedTime != null) {
            backOff.setMaxElapsedTime(maxElapsedTime.toMillis());
        }
        return backOff;
    }

    /**
     * The pause after the given number of earlier failures, for a retry whose count is stored rather than held in a
     * {@link BackOffExecution} (e.g. an {@code attempts} column); the longest pause once the series would give up.
     */
    public Duration pauseAfter(int failures) {
        BackOffExecution pauses = toBackOff().start();
        long pause = pauses.nextBackOff();
        for (int i = 0; i < failures && pause < maxInterval.toMillis(); i++) {
            long next = pauses.nextBackOff();
            pause = next == BackOffExecution.STOP ? maxInterval.toMillis() : next;
        }
        return Duration.ofMillis(pause);
    }
}
