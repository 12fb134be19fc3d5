package io.cryptotracker.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class RetryBackOffTest {

    private final RetryBackOff doubling = RetryBackOff.doubling(Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void pausesDoubleFromTheFirstUpToTheLongest() {
        BackOffExecution pauses = doubling.toBackOff().start();

        assertThat(new long[] { pauses.nextBackOff(), pauses.nextBackOff(), pauses.nextBackOff(),
                pauses.nextBackOff(), pauses.nextBackOff(), pauses.nextBackOff(), pauses.nextBackOff() })
                .containsExactly(30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000);
    }

    @Test
    void thePauseAfterStoredFailuresIsThatOfTheSameSeries() {
        assertThat(doubling.pauseAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(doubling.pauseAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(doubling.pauseAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(doubling.pauseAfter(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(doubling.pauseAfter(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSeriesWithATimeLimitStopsOnceThePausesAddUpToIt() {
        BackOffExecution pauses = new RetryBackOff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4),
                Duration.ofSeconds(10)).toBackOff().start();

        assertThat(new long[] { pauses.nextBackOff(), pauses.nextBackOff(), pauses.nextBackOff(),
                pauses.nextBackOff(), pauses.nextBackOff() })
                .containsExactly(1_000, 2_000, 4_000, 4_000, BackOffExecution.STOP);
    }
}
