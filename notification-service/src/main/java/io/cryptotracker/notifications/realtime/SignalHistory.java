package io.cryptotracker.notifications.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code history-size} signal frames by seq, for {@code resume}. Written by the LIVE consumer only; read
 * rarely (a resume), so one lock is enough. Holds one reference to each frame's bytes until it is dropped.
 */
final class SignalHistory {

    private final int capacity;
    private final TreeMap<Long, SignalFrame> frames = new TreeMap<>();
    /** Every seq at or below this may be missing: dropped, or before this replica started reading. */
    private long completeAfter = Long.MIN_VALUE;

    SignalHistory(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    synchronized boolean contains(long seq) {
        return frames.containsKey(seq);
    }

    /** Adds a frame (the history takes over the caller's reference); the oldest goes when full. */
    synchronized void add(SignalFrame frame) {
        if (completeAfter == Long.MIN_VALUE) {
            completeAfter = frame.seq - 1;
        }
        SignalFrame previous = frames.put(frame.seq, frame);
        if (previous != null) {
            previous.bytes.release();
        }
        while (frames.size() > capacity) {
            Map.Entry<Long, SignalFrame> oldest = frames.pollFirstEntry();
            completeAfter = Math.max(completeAfter, oldest.getKey());
            oldest.getValue().bytes.release();
        }
    }

    /** Whether every frame after {@code afterSeq} is still here. */
    synchronized boolean completeAfter(long afterSeq) {
        return completeAfter != Long.MIN_VALUE && afterSeq >= completeAfter;
    }

    /** Frames with a seq in ({@code afterSeq}, {@code upToSeq}], in seq order, each retained for the caller. */
    synchronized List<SignalFrame> between(long afterSeq, long upToSeq) {
        List<SignalFrame> result = new ArrayList<>();
        if (afterSeq >= upToSeq) {
            return result;
        }
        for (SignalFrame frame : frames.subMap(afterSeq, false, upToSeq, true).values()) {
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
