package io.cryptotracker.notifications.realtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events counted over a sliding window in {@code buckets} steps, to go with a Micrometer timer's rotating percentile
 * window (whose own count is cumulative): the sum covers the current step and the {@code buckets − 1} before it.
 * Written by one thread (the LIVE consumer's), read by any.
 */
final class WindowCount {

    private final long stepMillis;
    private final int buckets;
    private final AtomicLongArray counts;
    /** The step each bucket counts, so a bucket of an old step reads as empty. */
    private final AtomicLongArray steps;

    WindowCount(Duration window, int buckets) {
        this.stepMillis = window.toMillis() / buckets;
        this.buckets = buckets;
        this.counts = new AtomicLongArray(buckets);
        this.steps = new AtomicLongArray(buckets);
        for (int i = 0; i < buckets; i++) {
            steps.set(i, Long.MIN_VALUE);
        }
    }

    void increment(long nowMillis) {
        long step = Math.floorDiv(nowMillis, stepMillis);
        int bucket = (int) Math.floorMod(step, (long) buckets);
        if (steps.get(bucket) != step) {
            counts.set(bucket, 0);
            steps.set(bucket, step);
        }
        counts.incrementAndGet(bucket);
    }

    long sum(long nowMillis) {
        long step = Math.floorDiv(nowMillis, stepMillis);
        long sum = 0;
        for (int i = 0; i < buckets; i++) {
            long bucketStep = steps.get(i);
            if (bucketStep > step - buckets && bucketStep <= step) {
                sum += counts.get(i);
            }
        }
        return sum;
    }
}
