package io.cryptotracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory bucket, which must judge exactly as the Lua script does (same numbers as EdgeRateLimiterTest). */
class TokenBucketTest {

    private static final long MINUTE = 60_000;

    @Test
    void startsFullTakesOneTokenPerRequestAndRefillsContinuously() {
        TokenBucket bucket = new TokenBucket();
        Quota twentyPerMinuteBurstForty = new Quota(20, 40);
        for (int i = 39; i >= 0; i--) {
            assertThat(bucket.take(twentyPerMinuteBurstForty, MINUTE, 0)).isEqualTo(new BucketAnswer(true, i, 0));
        }
        assertThat(bucket.take(twentyPerMinuteBurstForty, MINUTE, 0)).isEqualTo(new BucketAnswer(false, 0, 3000));
        assertThat(bucket.take(twentyPerMinuteBurstForty, MINUTE, 1500)).isEqualTo(new BucketAnswer(false, 0, 1500));
        assertThat(bucket.take(twentyPerMinuteBurstForty, MINUTE, 3000)).isEqualTo(new BucketAnswer(true, 0, 0));
        assertThat(bucket.take(twentyPerMinuteBurstForty, MINUTE, 3000 + 10 * MINUTE).remaining()).isEqualTo(39);
    }

    @Test
    void aClockGoingBackwardsRefillsNothing() {
        TokenBucket bucket = new TokenBucket();
        Quota quota = new Quota(60, 1);
        assertThat(bucket.take(quota, MINUTE, 10_000).allowed()).isTrue();
        assertThat(bucket.take(quota, MINUTE, 5_000).allowed()).isFalse();
        assertThat(bucket.take(quota, MINUTE, 11_000).allowed()).isTrue();
    }
}
