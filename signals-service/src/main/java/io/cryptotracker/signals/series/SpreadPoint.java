package io.cryptotracker.signals.series;

import java.time.Instant;

import io.cryptotracker.signals.store.SignalKind;

/**
 * One closed bucket of a symbol's and kind's series, in percent (funding: per 8 h); the net values are null when no
 * measurement of the bucket had one.
 */
record SpreadPoint(String symbol, SignalKind kind, int resolutionSeconds, Instant bucket, double grossMin,
        double grossMax, double grossLast, Double netMin, Double netMax, Double netLast) {

    /** The same values as a piece of the {@code seconds}-long bucket this one lies in. */
    SpreadPoint within(int seconds) {
        long start = Math.floorDiv(bucket.getEpochSecond(), seconds) * seconds;
        return new SpreadPoint(symbol, kind, seconds, Instant.ofEpochSecond(start), grossMin, grossMax, grossLast,
                netMin, netMax, netLast);
    }

    /** Two pieces of the same bucket as one: this one written earlier, {@code later} after it. */
    SpreadPoint merge(SpreadPoint later) {
        return new SpreadPoint(symbol, kind, resolutionSeconds, bucket, Math.min(grossMin, later.grossMin),
                Math.max(grossMax, later.grossMax), later.grossLast, least(netMin, later.netMin),
                greatest(netMax, later.netMax), later.netLast != null ? later.netLast : netLast);
    }

    private static Double least(Double a, Double b) {
        return a == null ? b : b == null ? a : Math.min(a, b);
    }

    private static Double greatest(Double a, Double b) {
        return a == null ? b : b == null ? a : Math.max(a, b);
    }
}
