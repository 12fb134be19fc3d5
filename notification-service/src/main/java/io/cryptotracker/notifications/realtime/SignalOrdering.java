package io.cryptotracker.notifications.realtime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts signal frames from all partitions back into {@code seq} order. A frame goes on as soon as its predecessor has;
 * a gap holds later frames back at most {@code maxWait}, then they go on without the missing one. A frame that comes
 * after its successors went on (later than the wait) still goes on, late, rather than being lost. Not thread-safe: the
 * LIVE consumer thread owns it.
 */
final class SignalOrdering {

    private static final long NONE = Long.MIN_VALUE;

    private final long maxWaitNanos;
    private final TreeMap<Long, Waiting> waiting = new TreeMap<>();
    private long lastReleased = NONE;

    SignalOrdering(long maxWaitNanos) {
        this.maxWaitNanos = maxWaitNanos;
    }

    /**
     * Takes a frame; appends to {@code late} a frame whose successors already went on.
     *
     * @return false for a duplicate the caller should drop
     */
    boolean offer(SignalFrame frame, long nowNanos, List<SignalFrame> late, java.util.function.LongPredicate seen) {
        if (lastReleased != NONE && frame.seq <= lastReleased) {
            if (seen.test(frame.seq)) {
                return false;
            }
            late.add(frame);
            return true;
        }
        if (waiting.containsKey(frame.seq)) {
            return false;
        }
        waiting.put(frame.seq, new Waiting(frame, nowNanos));
        return true;
    }

    /** Appends to {@code out}, in seq order, every frame that may go on now. */
    void release(long nowNanos, List<SignalFrame> out) {
        while (!waiting.isEmpty()) {
            Map.Entry<Long, Waiting> first = waiting.firstEntry();
            long seq = first.getKey();
            boolean next = lastReleased != NONE && seq == lastReleased + 1;
            if (!next && nowNanos - first.getValue().sinceNanos < maxWaitNanos) {
                return;
            }
            waiting.pollFirstEntry();
            lastReleased = seq;
            out.add(first.getValue().frame);
        }
    }

    /** Appends to {@code out}, in seq order, every frame still waiting, without waiting for gaps any longer. */
    void releaseAll(List<SignalFrame> out) {
        while (!waiting.isEmpty()) {
            Map.Entry<Long, Waiting> first = waiting.pollFirstEntry();
            lastReleased = first.getKey();
            out.add(first.getValue().frame);
        }
    }

    int waiting() {
        return waiting.size();
    }

    private record Waiting(SignalFrame frame, long sinceNanos) {
    }
}
