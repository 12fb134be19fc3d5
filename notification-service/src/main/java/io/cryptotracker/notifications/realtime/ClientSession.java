package io.cryptotracker.notifications.realtime;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.notifications.realtime.RealtimeMetrics.CloseReason;
import io.cryptotracker.notifications.realtime.SocketFilter.Subscription;
import io.cryptotracker.notifications.users.Preferences;
import io.cryptotracker.notifications.users.SignalMatcher;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One open socket. Everything but {@link #closeReason} is touched only on the socket's event loop (its
 * {@link LoopSessions}), so the hot path takes no lock and allocates nothing per socket but the frame duplicate.
 */
final class ClientSession {

    final Channel channel;
    final WebsocketOutbound outbound;
    final UUID userId;
    /** {@code "<userId>:"}, the first part of every notification id of this user. */
    final byte[] notificationIdPrefix;
    /** The access token's {@code iat}: a downgrade after it closes the socket. */
    final Instant tokenIssuedAt;
    final LoopSessions loop;

    int index = -1;
    Subscription subscription = Subscription.PREFERENCES;
    Preferences prefs;
    SocketFilter filter;
    /** {@link #prefs} read once: whether a created signal gets this socket a {@code notification} frame. */
    SignalMatcher.Compiled notify;
    /** The last seq drained on this loop before the socket joined: what {@code resume} may replay. */
    long joinedAfterSeq;
    /**
     * From a {@code resume} until its replay has caught up, live frames are not written to this socket: the replay
     * sends them from the history after the missed ones, so the client gets one run in seq order, without repeats.
     */
    boolean holding;
    /** A resume waits for the history to be rebuilt after a start. */
    boolean resumePending;
    /** A replay is under way (one at a time; a second resume moves its cursor). */
    boolean replaying;
    /** The replay's cursor: the last seq it has gone past (first the resume's {@code after_seq}). */
    long replayAfterSeq;
    /** The last seq drained here when holding began: frames after {@link #joinedAfterSeq} up to it went live. */
    long liveUpToSeq;
    long replayDeadlineNanos;
    long lastActivityNanos;
    long lastPingNanos;
    boolean closing;
    volatile CloseReason closeReason;

    /**
     * The WebSocket frame encoder's place in the pipeline: the fan-out's frames are whole encoded frames, so they are
     * written from there towards the socket, past only the handlers a written ByteBuf must pass (none but Netty's head
     * in a plain setup, TLS where there is one) rather than through every handler from the tail (issue 17's profile:
     * 4 % of the service's CPU looking for the next outbound handler). Null if the pipeline has no such encoder.
     */
    private final ChannelHandlerContext encoder;

    ClientSession(Channel channel, WebsocketOutbound outbound, UUID userId, Instant tokenIssuedAt, Preferences prefs,
            LoopSessions loop) {
        this.channel = channel;
        this.encoder = channel.pipeline().context(WebSocketFrameEncoder.class);
        this.outbound = outbound;
        this.userId = userId;
        this.notificationIdPrefix = NotificationIdWriter.userPrefix(userId);
        this.tokenIssuedAt = tokenIssuedAt;
        this.loop = loop;
        preferences(prefs);
        this.lastActivityNanos = System.nanoTime();
        this.lastPingNanos = lastActivityNanos;
    }

    /** Queues an encoded frame (header and payload) for the socket; on its event loop. */
    void write(ByteBuf frame) {
        ChannelHandlerContext context = encoder;
        if (context != null && !context.isRemoved()) {
            context.write(frame, channel.voidPromise());
        }
        else {
            channel.write(frame, channel.voidPromise());
        }
    }

    /** Hands the queued frames to the kernel. */
    void flush() {
        ChannelHandlerContext context = encoder;
        if (context != null && !context.isRemoved()) {
            context.flush();
        }
        else {
            channel.flush();
        }
    }

    void preferences(Preferences prefs) {
        this.prefs = prefs;
        this.filter = SharedFilters.socketFilter(prefs, subscription);
        this.notify = SharedFilters.notification(prefs);
    }

    void subscribe(Subscription subscription) {
        this.subscription = subscription;
        this.filter = SharedFilters.socketFilter(prefs, subscription);
    }
}
