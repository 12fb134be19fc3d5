package io.cryptotracker.notifications.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests move forward by hand (quiet hours, batch windows, the FREE delay) instead of waiting. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
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

    /**
     * Makes the one test clock the application's clock, for the tests that import it (a test configuration, so
     * component scanning does not hand a stopped clock to every other test of the module). Imported explicitly: a
     * configuration nested in a test class is ignored for its {@code @Nested} classes, which would then get a second
     * context.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        public static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        @Bean
        @Primary
        MutableClock mutableClock() {
            return CLOCK;
        }
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
