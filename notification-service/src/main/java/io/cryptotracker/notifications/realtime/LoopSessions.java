package io.cryptotracker.notifications.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.cryptotracker.notifications.realtime.RealtimeMetrics.CloseReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;

/**
 * The sockets of one Netty event loop and the signal frames waiting for them. The LIVE consumer queues each batch of
 * frames once per loop; the loop writes the batch to each of its sockets and flushes each socket once, so under load
 * batches grow and system calls per frame fall. All loops fan out in parallel; nothing here blocks.
 */
final class LoopSessions implements Runnable {

    final EventLoop loop;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final SignalHistory history;
    private final ArrayList<ClientSession> sessions = new ArrayList<>();
    private final Queue<List<SignalFrame>> pending = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ArrayList<SignalFrame> batch = new ArrayList<>();
    private final NotificationIdWriter notificationIds = new NotificationIdWriter();
    /** Frames a replay takes from the history per step (it writes at most {@code send-buffer} of them). */
    private static final int REPLAY_STEP = 256;

    /** Highest seq drained here: a socket joining now has missed everything up to it. */
    private long lastDrainedSeq;

    LoopSessions(EventLoop loop, RealtimeProperties properties, RealtimeMetrics metrics, SignalHistory history,
            long lastPublishedSeq) {
        this.loop = loop;
        this.properties = properties;
        this.metrics = metrics;
        this.history = history;
        this.lastDrainedSeq = lastPublishedSeq;
        long tick = Math.max(10, Math.min(1000, Math.min(properties.pingInterval().toMillis(),
                properties.idleTimeout().toMillis()) / 4));
        loop.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** From the consumer thread: {@code frames} were retained once for this loop and are released after writing. */
    void publish(List<SignalFrame> frames) {
        pending.offer(frames);
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    void add(ClientSession session) {
        session.index = sessions.size();
        session.joinedAfterSeq = lastDrainedSeq;
        sessions.add(session);
    }

    void remove(ClientSession session) {
        int index = session.index;
        if (index < 0 || index >= sessions.size() || sessions.get(index) != session) {
            return;
        }
        ClientSession last = sessions.remove(sessions.size() - 1);
        if (last != session) {
            sessions.set(index, last);
            last.index = index;
        }
        session.index = -1;
    }

    /** Runs {@code action} on this loop for every socket of {@code userId}. */
    void forUser(UUID userId, Consumer<ClientSession> action) {
        loop.execute(() -> {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                ClientSession session = sessions.get(i);
                if (session.userId.equals(userId)) {
                    action.accept(session);
                }
            }
        });
    }

    void forAll(Consumer<ClientSession> action) {
        loop.execute(() -> {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                action.accept(sessions.get(i));
            }
        });
    }

    @Override
    public void run() {
        scheduled.set(false);
        List<SignalFrame> frames;
        while ((frames = pending.poll()) != null) {
            batch.addAll(frames);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            deliver(batch);
        }
        finally {
            for (SignalFrame frame : batch) {
                lastDrainedSeq = Math.max(lastDrainedSeq, frame.seq);
                frame.bytes.release();
            }
            batch.clear();
        }
    }

    private void deliver(List<SignalFrame> frames) {
        int signals = 0;
        int notifications = 0;
        int limit = properties.sendBuffer();
        for (int i = 0; i < sessions.size(); i++) {
            ClientSession session = sessions.get(i);
            if (session.closing || session.holding) {
                // holding: a resume's replay sends these from the history, after the frames the client missed
                continue;
            }
            ChannelOutboundBuffer queued = session.channel.unsafe().outboundBuffer();
            if (queued == null) {
                continue;
            }
            int unflushed = 0;
            long nowMicros = 0;
            for (int f = 0; f < frames.size(); f++) {
                SignalFrame frame = frames.get(f);
                if (frame.refill) {
                    continue;
                }
                boolean signal = session.filter.accepts(frame);
                boolean notify = frame.notification != null && notifies(session, frame);
                if (!signal && !notify) {
                    continue;
                }
                int needed = (signal ? 1 : 0) + (notify ? 1 : 0);
                if (unflushed + needed > limit) {
                    // a big batch: let the kernel take what it can before counting what still waits
                    session.flush();
                    unflushed = 0;
                }
                if (queued.size() + unflushed + needed > limit) {
                    close(session, CloseReason.SLOW_READER, 1013, "Too slow: frames are not read fast enough");
                    break;
                }
                if (nowMicros == 0) {
                    Instant now = Instant.now();
                    nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                }
                if (signal) {
                    session.write(frame.bytes.retainedDuplicate());
                    signals++;
                    metrics.delivered(nowMicros - frame.occurredAtMicros, 1);
                }
                if (notify) {
                    session.write(notificationFrame(session, frame));
                    notifications++;
                }
                unflushed += needed;
            }
            if (unflushed > 0) {
                session.flush();
            }
        }
        if (signals > 0) {
            metrics.signalFrames.increment(signals);
        }
        if (notifications > 0) {
            metrics.notificationFrames.increment(notifications);
        }
    }

    /**
     * A {@code resume}: from now on this socket's live frames are held back for the replay, which {@link #replay}
     * starts once the history can answer (at once, or when it has been rebuilt after a start).
     */
    void holdForResume(ClientSession session, long afterSeq) {
        if (!session.holding) {
            session.holding = true;
            session.liveUpToSeq = lastDrainedSeq;
        }
        session.replayAfterSeq = afterSeq;
        session.resumePending = true;
    }

    /**
     * Replays, in seq order, the retained frames after the resume's {@code after_seq} that this socket has not had:
     * those drained before it joined, those read again at start (never sent live) and those held back since the
     * resume (with their {@code notification} frames). {@code send-buffer} frames at a time: the next part goes once
     * the kernel has taken the last, so a long replay never piles up in memory. When it has caught up with what this
     * loop has drained, live frames flow again. A client that does not read it within {@code close-timeout} is closed
     * as a slow reader.
     */
    void replay(ClientSession session) {
        session.resumePending = false;
        session.replayDeadlineNanos = System.nanoTime() + properties.closeTimeout().toNanos();
        if (!session.replaying) {
            session.replaying = true;
            // queued behind batches already handed to this loop: what the history holds has been drained here first
            loop.execute(() -> replayStep(session));
        }
    }

    private void replayStep(ClientSession session) {
        ChannelOutboundBuffer queued = session.channel.unsafe().outboundBuffer();
        if (session.closing || queued == null) {
            endReplay(session);
            return;
        }
        int limit = properties.sendBuffer();
        boolean full = queued.size() >= limit;
        if (!full) {
            int signals = 0;
            int notifications = 0;
            List<SignalFrame> retained = history.between(session.replayAfterSeq, lastDrainedSeq, REPLAY_STEP);
            int next = 0;
            try {
                for (; next < retained.size() && signals + notifications < limit; next++) {
                    SignalFrame frame = retained.get(next);
                    session.replayAfterSeq = frame.seq;
                    boolean heldBack = !frame.refill && frame.seq > session.liveUpToSeq;
                    if (!heldBack && !frame.refill && frame.seq > session.joinedAfterSeq) {
                        continue; // it went out live before the resume
                    }
                    if (session.filter.accepts(frame)) {
                        session.write(frame.bytes.retainedDuplicate());
                        signals++;
                    }
                    if (heldBack && frame.notification != null && notifies(session, frame)) {
                        session.write(notificationFrame(session, frame));
                        notifications++;
                    }
                }
            }
            finally {
                retained.forEach(frame -> frame.bytes.release());
            }
            if (signals + notifications > 0) {
                session.flush();
                metrics.signalFrames.increment(signals);
                metrics.notificationFrames.increment(notifications);
            }
            if (next == retained.size() && retained.size() < REPLAY_STEP) {
                // caught up: nothing drained here is left, and the next batch goes out live
                endReplay(session);
                return;
            }
        }
        if (System.nanoTime() > session.replayDeadlineNanos) {
            endReplay(session);
            close(session, CloseReason.SLOW_READER, 1013, "Too slow: the replay is not read fast enough");
            return;
        }
        loop.schedule(() -> replayStep(session), full ? 5 : 0, TimeUnit.MILLISECONDS);
    }

    private void endReplay(ClientSession session) {
        session.replaying = false;
        session.holding = session.resumePending;
    }

    /** The {@code notification} frame of this created signal for this socket's user. */
    private ByteBuf notificationFrame(ClientSession session, SignalFrame frame) {
        return frame.notification.frame(session.channel.alloc(), notificationIds, session.notificationIdPrefix,
                frame.eventIdBytes, session.prefs.channels().browser(), session.prefs.channels().sound());
    }

    /** Whether the socket's user wants a notification of this created signal (preferences read once per socket). */
    private static boolean notifies(ClientSession session, SignalFrame frame) {
        return session.notify.matches(frame.kind, frame.symbol, frame.data.spreadPercent());
    }

    /** A frame for one socket only (pong, error). */
    void send(ClientSession session, byte[] payload) {
        if (session.closing || !session.channel.isActive()) {
            return;
        }
        ByteBuf frame = session.channel.alloc().directBuffer(FrameBytes.headerLength(payload.length) + payload.length);
        FrameBytes.writeHeader(frame, payload.length);
        session.channel.writeAndFlush(frame.writeBytes(payload), session.channel.voidPromise());
    }

    /**
     * Closes a socket with a close frame (on this loop). The TCP connection is dropped once the frame is written, or
     * after {@code close-timeout} when the client does not read it.
     */
    void close(ClientSession session, CloseReason reason, int code, String text) {
        if (session.closing) {
            return;
        }
        session.closing = true;
        session.closeReason = reason;
        session.outbound.sendClose(code, text).subscribe(null, error -> session.channel.close());
        loop.schedule(() -> {
            if (session.channel.isOpen()) {
                session.channel.close();
            }
        }, properties.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keep-alive: a protocol ping when due, and idle sockets closed. */
    private void tick() {
        long now = System.nanoTime();
        long ping = properties.pingInterval().toNanos();
        long idle = properties.idleTimeout().toNanos();
        for (int i = sessions.size() - 1; i >= 0; i--) {
            ClientSession session = sessions.get(i);
            if (session.closing) {
                continue;
            }
            if (now - session.lastActivityNanos >= idle) {
                close(session, CloseReason.IDLE, 1001, "Idle: no frame from the client");
            }
            else if (now - session.lastPingNanos >= ping) {
                session.lastPingNanos = now;
                ByteBuf frame = session.channel.alloc().directBuffer(2).writeByte(0x89).writeByte(0);
                session.channel.writeAndFlush(frame, session.channel.voidPromise());
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
