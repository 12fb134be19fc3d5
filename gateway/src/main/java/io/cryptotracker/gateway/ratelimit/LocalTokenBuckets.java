package io.cryptotracker.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This instance's own buckets, used while Redis is away. Each instance limits on its own then, so with n instances a
 * caller may get up to n times the quota until Redis returns. A bucket left alone until it would be full again is
 * dropped, which is the same as keeping it.
 */
final class LocalTokenBuckets {

    private final Cache<String, TokenBucket> buckets;

    LocalTokenBuckets(long maxBuckets, Duration idleUntilFull) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idleUntilFull).build();
    }

    BucketAnswer take(String key, Quota quota, Duration period, long now) {
        return buckets.get(key, ignored -> new TokenBucket()).take(quota, period.toMillis(), now);
    }
}
