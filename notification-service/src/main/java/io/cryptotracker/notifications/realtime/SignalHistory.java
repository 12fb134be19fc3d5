package io.cryptotracker.notifications.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code history-size} signal frames by seq, for {@code resume}. Written by the LIVE consumer only; read
 * rarely (a resume), so one lock is enough. Holds one reference to each frame's bytes until it is dropped.
 * <p>
 * At start it is <em>rebuilt</em>: the LIVE consumer re-reads {@code history-window} of the topic up to the end offsets
 * it found, and only then calls {@link #markRebuilt()}. A resume is answered after that, never from a history still
 * filling up: it would take seqs not read yet for missing ones ({@code resume_gap}) and replay too little.
 */
final class SignalHistory {

    private final int capacity;
    private final TreeMap<Long, SignalFrame> frames = new TreeMap<>();
    /** The lowest seq read while rebuilding (or the first one after, when that read none): nothing older is here. */
    private long lowest = Long.MAX_VALUE;
    /** The highest seq dropped to make room. */
    private long dropped = Long.MIN_VALUE;
    private boolean rebuilt;

    SignalHistory(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    synchronized boolean contains(long seq) {
        return frames.containsKey(seq);
    }

    /** Adds a frame (the history takes over the caller's reference); the oldest goes when full. */
    synchronized void add(SignalFrame frame) {
        // while rebuilding, partitions are read side by side: the lowest seq may come after higher ones
        if (!rebuilt || lowest == Long.MAX_VALUE) {
            lowest = Math.min(lowest, frame.seq);
        }
        SignalFrame previous = frames.put(frame.seq, frame);
        if (previous != null) {
            previous.bytes.release();
        }
        while (frames.size() > capacity) {
            Map.Entry<Long, SignalFrame> oldest = frames.pollFirstEntry();
            dropped = Math.max(dropped, oldest.getKey());
            oldest.getValue().bytes.release();
        }
    }

    /** Everything up to the end offsets the LIVE consumer found at start has been added. */
    synchronized void markRebuilt() {
        rebuilt = true;
    }

    synchronized boolean rebuilt() {
        return rebuilt;
    }

    /** Whether every frame after {@code afterSeq} is still here. */
    synchronized boolean completeAfter(long afterSeq) {
        return lowest != Long.MAX_VALUE && afterSeq >= Math.max(lowest - 1, dropped);
    }

    /**
     * At most {@code max} frames with a seq in ({@code afterSeq}, {@code upToSeq}], in seq order, each retained for
     * the caller.
     */
    synchronized List<SignalFrame> between(long afterSeq, long upToSeq, int max) {
        List<SignalFrame> result = new ArrayList<>();
        if (afterSeq >= upToSeq) {
            return result;
        }
        for (SignalFrame frame : frames.subMap(afterSeq, false, upToSeq, true).values()) {
            if (result.size() == max) {
                break;
            }
            frame.bytes.retain();
            result.add(frame);
        }
        return result;
    }

    synchronized int size() {
        return frames.size();
    }

    synchronized void clear() {
        frames.values().forEach(frame -> frame.bytes.release());
        frames.clear();
    }
}
