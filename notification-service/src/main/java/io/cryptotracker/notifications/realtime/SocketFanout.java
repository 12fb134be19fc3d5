package io.cryptotracker.notifications.realtime;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.netty.channel.EventLoop;

/**
 * Every open socket of this replica, grouped by the Netty event loop that serves it ({@link LoopSessions}); the LIVE
 * consumer hands each ordered batch of frames to every loop at once, and the loops write in parallel.
 */
final class SocketFanout {

    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final SignalHistory history;
    private final Clock clock;
    private final ConcurrentHashMap<EventLoop, LoopSessions> loops = new ConcurrentHashMap<>();
    private volatile long lastPublishedSeq = Long.MIN_VALUE;

    SocketFanout(RealtimeProperties properties, RealtimeMetrics metrics, SignalHistory history, Clock clock) {
        this.properties = properties;
        this.metrics = metrics;
        this.history = history;
        this.clock = clock;
    }

    LoopSessions loop(EventLoop loop) {
        return loops.computeIfAbsent(loop, l -> new LoopSessions(l, properties, metrics, history, lastPublishedSeq));
    }

    /**
     * Keeps ordered frames for {@code resume} and queues them on every loop. Called by the LIVE consumer thread only;
     * the caller's reference to each frame passes to the history.
     */
    void publish(List<SignalFrame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        List<SignalFrame> batch = List.copyOf(frames);
        long max = lastPublishedSeq;
        for (SignalFrame frame : batch) {
            frame.bytes.retain();
            history.add(frame);
            max = Math.max(max, frame.seq);
        }
        lastPublishedSeq = max;
        for (LoopSessions loop : loops.values()) {
            for (SignalFrame frame : batch) {
                frame.bytes.retain();
            }
            loop.publish(batch);
        }
        long releasedAt = SignalFrame.micros(clock.instant());
        for (SignalFrame frame : batch) {
            if (!frame.refill) {
                metrics.published(frame.eventTimeMicros, releasedAt);
            }
            frame.bytes.release();
        }
    }

    /** Runs {@code action} on the event loop of every socket of {@code userId}. */
    void forUser(UUID userId, Consumer<ClientSession> action) {
        loops.values().forEach(loop -> loop.forUser(userId, action));
    }

    void forAll(Consumer<ClientSession> action) {
        loops.values().forEach(loop -> loop.forAll(action));
    }

    SignalHistory history() {
        return history;
    }
}
