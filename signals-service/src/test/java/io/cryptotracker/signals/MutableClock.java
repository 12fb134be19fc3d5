package io.cryptotracker.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests set and move by hand (minutes closing, windows passing, retention) instead of waiting. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public Instant set(Instant instant) {
        now.set(instant);
        return instant;
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Makes one test clock the application's clock, for the test classes that import it (not component-scanned). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

        @Bean
        @Primary
        MutableClock mutableClock() {
            return CLOCK;
        }
    }
}
