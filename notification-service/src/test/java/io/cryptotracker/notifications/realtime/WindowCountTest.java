package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The published-latency frame count covers the last hour in 5-minute steps, as the timer's percentile window does. */
class WindowCountTest {

    private static final long MINUTE = 60_000;

    @Test
    void countsWhatHappenedWithinTheWindowAndForgetsOlderSteps() {
        WindowCount count = new WindowCount(Duration.ofHours(1), 12);
        long start = 1_800_000_000_000L;
        count.increment(start);
        count.increment(start + 1);
        count.increment(start + 30 * MINUTE);

        assertThat(count.sum(start + 30 * MINUTE)).isEqualTo(3);
        // an hour on, the first step has left the window; the one half an hour later has not
        assertThat(count.sum(start + 60 * MINUTE)).isEqualTo(1);
        assertThat(count.sum(start + 95 * MINUTE)).isZero();

        // a bucket used again an hour later starts from zero
        count.increment(start + 120 * MINUTE);
        assertThat(count.sum(start + 120 * MINUTE)).isEqualTo(1);
    }
}
