package io.cryptotracker.market.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import io.cryptotracker.market.TestClock;
import org.junit.jupiter.api.Test;

class SourceGateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T22:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final SourceGate gate = new SourceGate("test", 2, Duration.ofSeconds(5), Duration.ofMinutes(1), clock);

    @Test
    void callsAreSpacedByTheRateLimit() {
        assertThat(gate.reserve()).isZero();
        assertThat(gate.reserve()).isEqualTo(Duration.ofMillis(500));
        assertThat(gate.reserve()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void aRetryAfterBlocksEvenBeyondOurOwnLongestBackoff() {
        gate.coolDown(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));

        SourceException blocked = catchThrowableOfType(SourceException.class, gate::reserve);

        assertThat(blocked.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        assertThat(blocked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.reserve()).isZero();
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesUpToItsMaximumAndASuccessResetsIt() {
        assertThat(gate.coolDown(null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(gate.coolDown(null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(gate.coolDown(null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(gate.coolDown(null)).isEqualTo(Duration.ofSeconds(40));
        assertThat(gate.coolDown(null)).isEqualTo(Duration.ofMinutes(1));
        gate.succeeded();
        assertThat(gate.coolDown(null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(SourceClient.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(SourceClient.retryAfter("Mon, 23 Nov 2026 22:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(SourceClient.retryAfter("soon", NOW)).isNull();
        assertThat(SourceClient.retryAfter(null, NOW)).isNull();
    }
}
