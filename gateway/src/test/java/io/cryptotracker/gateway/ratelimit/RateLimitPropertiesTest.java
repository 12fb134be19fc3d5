package io.cryptotracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lease settings are refused outside the range whose early-refusal bound the README states. */
class RateLimitPropertiesTest {

    private static final Quota QUOTA = new Quota(60, 120);

    @Test
    void aLeaseShareAboveATenthOfTheBurstIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(0.5, Duration.ofSeconds(1)))
                .withMessageContaining("lease-share").withMessageContaining("0.5");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(-0.01, Duration.ofSeconds(1)))
                .withMessageContaining("lease-share");
    }

    @Test
    void aLeaseLongerThanASecondIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(0.05, Duration.ofMillis(1001)))
                .withMessageContaining("lease-duration");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(0.05, Duration.ofMillis(-1)))
                .withMessageContaining("lease-duration");
    }

    @Test
    void noLeaseAtAllIsAllowed() {
        assertThatNoException().isThrownBy(() -> properties(0, Duration.ZERO));
    }

    private static RateLimitProperties properties(double leaseShare, Duration leaseDuration) {
        return new RateLimitProperties(true, Duration.ofMinutes(1), new TierQuotas(QUOTA, QUOTA, QUOTA), List.of(),
                Duration.ofMillis(150), Duration.ofSeconds(5), 1000, leaseShare, leaseDuration);
    }
}
