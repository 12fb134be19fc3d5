package io.cryptotracker.market.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.cryptotracker.common.retry.RetryBackOff;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Keeps one source within its rate limit: calls are spaced by at least {@code 1 / permitsPerSecond}, and after a
 * 429 or a ban no call leaves until the source's {@code Retry-After} (or an exponential backoff where it gave
 * none) has passed. A small class rather than a rate-limiter library: it must also honour the source's own
 * cool-down, which a token bucket does not model.
 */
public class SourceGate {

    private final String source;
    private final Duration spacing;
    private final BackOff backOff;
    private final Clock clock;

    private Instant nextCall = Instant.EPOCH;
    private Instant blockedUntil = Instant.EPOCH;
    private BackOffExecution pauses;

    public SourceGate(String source, double permitsPerSecond, Duration firstBackoff, Duration maxBackoff,
            Clock clock) {
        if (permitsPerSecond <= 0) {
            throw new IllegalArgumentException("permitsPerSecond must be positive");
        }
        this.source = source;
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / permitsPerSecond));
        this.backOff = RetryBackOff.doubling(firstBackoff, maxBackoff).toBackOff();
        this.pauses = backOff.start();
        this.clock = clock;
    }

    /**
     * Reserves the next call slot and answers how long to wait for it.
     *
     * @throws SourceException of kind RATE_LIMITED while the source's cool-down lasts (no call is made then)
     */
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            throw new SourceException(source, SourceException.Kind.RATE_LIMITED, 0,
                    Duration.between(now, blockedUntil), "cooling down until " + blockedUntil);
        }
        Instant slot = nextCall.isAfter(now) ? nextCall : now;
        nextCall = slot.plus(spacing);
        return Duration.between(now, slot);
    }

    /** The source refused for load: block until it said, or back off (doubling up to the maximum). */
    public synchronized Duration coolDown(Duration retryAfter) {
        Duration pause;
        if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
            pause = retryAfter; // a ban can last longer than our own backoff: the source decides
        }
        else {
            pause = Duration.ofMillis(pauses.nextBackOff());
        }
        blockedUntil = clock.instant().plus(pause);
        return pause;
    }

    /** A call succeeded: the next refusal starts the backoff from the beginning again. */
    public synchronized void succeeded() {
        pauses = backOff.start();
    }

    public synchronized Instant blockedUntil() {
        return blockedUntil;
    }
}
