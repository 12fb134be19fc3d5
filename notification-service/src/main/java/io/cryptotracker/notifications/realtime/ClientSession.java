package io.cryptotracker.notifications.realtime;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.notifications.realtime.RealtimeMetrics.CloseReason;
import io.cryptotracker.notifications.realtime.SocketFilter.Subscription;
import io.cryptotracker.notifications.users.Preferences;
import io.cryptotracker.notifications.users.SignalMatcher;
import io.netty.channel.Channel;
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

    ClientSession(Channel channel, WebsocketOutbound outbound, UUID userId, Instant tokenIssuedAt, Preferences prefs,
            LoopSessions loop) {
        this.channel = channel;
        this.outbound = outbound;
        this.userId = userId;
        this.notificationIdPrefix = NotificationIdWriter.userPrefix(userId);
        this.tokenIssuedAt = tokenIssuedAt;
        this.loop = loop;
        preferences(prefs);
        this.lastActivityNanos = System.nanoTime();
        this.lastPingNanos = lastActivityNanos;
    }

    void preferences(Preferences prefs) {
        this.prefs = prefs;
        this.filter = SocketFilter.of(prefs, subscription);
        this.notify = SignalMatcher.compile(prefs);
    }

    void subscribe(Subscription subscription) {
        this.subscription = subscription;
        this.filter = SocketFilter.of(prefs, subscription);
    }
}
