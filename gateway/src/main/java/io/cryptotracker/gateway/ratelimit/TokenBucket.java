package io.cryptotracker.gateway.ratelimit;

/**
 * One in-memory token bucket with exactly the arithmetic of {@code ratelimit/token_bucket.lua}, so a request is
 * judged the same way whether Redis or the fallback decides. Starts full.
 */
final class TokenBucket {

    private double tokens = Double.NaN;
    private long refilledAt;

    synchronized BucketAnswer take(Quota quota, long periodMillis, long now) {
        if (Double.isNaN(tokens)) {
            tokens = quota.burst();
            refilledAt = now;
        }
        if (now > refilledAt) {
            tokens = Math.min(quota.burst(), tokens + (double) (now - refilledAt) * quota.limit() / periodMillis);
            refilledAt = now;
        }
        tokens = Math.min(tokens, quota.burst());
        if (tokens >= 1) {
            tokens -= 1;
            return new BucketAnswer(true, (long) Math.floor(tokens), 0);
        }
        long wait = (long) Math.ceil((1 - tokens) * periodMillis / quota.limit());
        return new BucketAnswer(false, (long) Math.floor(tokens), wait);
    }
}
