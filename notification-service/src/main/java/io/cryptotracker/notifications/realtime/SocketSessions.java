package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.notifications.realtime.RealtimeMetrics.CloseReason;
import io.cryptotracker.notifications.realtime.SignalFrames.ErrorMessage;
import io.cryptotracker.notifications.realtime.SocketFilter.Subscription;
import io.cryptotracker.notifications.users.Preferences;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.notifications.users.UserView;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of one accepted socket: joins its event loop's {@link LoopSessions}, answers the client's frames
 * ({@code ping}, {@code subscribe}, {@code resume}), follows its user's tier and preferences, and is counted when it
 * closes. Runs on the socket's event loop. Closes every socket (1001) when the service stops.
 */
final class SocketSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketSessions.class);

    private static final byte[] PONG = "{\"type\":\"pong\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final SocketFanout fanout;
    private final UserDirectory directory;
    private final SocketAuthenticator authenticator;
    private final RealtimeMetrics metrics;
    private final SignalFrames frames;
    private final JsonMapper json;
    private final int maxFramePayload;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;

    SocketSessions(SocketFanout fanout, UserDirectory directory, SocketAuthenticator authenticator,
            RealtimeMetrics metrics, SignalFrames frames, JsonMapper json, int maxFramePayload) {
        this.fanout = fanout;
        this.maxFramePayload = maxFramePayload;
        this.directory = directory;
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.frames = frames;
        this.json = json;
    }

    /** The WebSocket handler of one upgraded connection. */
    Mono<Void> handle(WebsocketInbound in, WebsocketOutbound out, UUID userId, Instant tokenIssuedAt) {
        Channel[] channel = new Channel[1];
        in.withConnection(connection -> channel[0] = connection.channel());
        LoopSessions loop = fanout.loop(channel[0].eventLoop());
        ClientSession session = new ClientSession(channel[0], out, userId, tokenIssuedAt, preferences(userId), loop);
        metrics.opened();
        AtomicInteger onTransport = metrics.transportOpened(RealtimeMetrics.transport(channel[0]));
        open.incrementAndGet();
        onLoop(session, () -> {
            loop.add(session);
            if (!running) {
                loop.close(session, CloseReason.SHUTDOWN, 1001, "Server shutting down");
            }
        });
        // a message sent in fragments is put together (up to max-frame-payload) before it is read
        return in.aggregateFrames(maxFramePayload).receiveFrames()
                .doOnNext(frame -> onFrame(session, frame))
                .then()
                .doFinally(signal -> {
                    onLoop(session, () -> loop.remove(session));
                    CloseReason reason = session.closeReason;
                    metrics.closed(reason != null ? reason
                            : signal == SignalType.ON_ERROR ? CloseReason.ERROR : CloseReason.CLIENT);
                    open.decrementAndGet();
                    onTransport.decrementAndGet();
                });
    }

    private void onFrame(ClientSession session, WebSocketFrame frame) {
        session.lastActivityNanos = System.nanoTime();
        if (frame instanceof TextWebSocketFrame text) {
            onText(session, text.text());
        }
        else if (frame instanceof PingWebSocketFrame ping) {
            session.channel.writeAndFlush(new PongWebSocketFrame(ping.content().retain()),
                    session.channel.voidPromise());
        }
        else if (frame instanceof BinaryWebSocketFrame) {
            error(session, "bad_request", "Frames are JSON text.");
        }
        // pong and continuation frames only count as activity
    }

    private void onText(ClientSession session, String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        }
        catch (RuntimeException ex) {
            error(session, "bad_request", "A frame must be a JSON object.");
            return;
        }
        String type = message != null && message.isObject() && message.get("type") != null
                && message.get("type").isString() ? message.get("type").asString() : null;
        if ("ping".equals(type)) {
            session.loop.send(session, PONG);
            metrics.pongFrames.increment();
        }
        else if ("subscribe".equals(type)) {
            subscribe(session, message);
        }
        else if ("resume".equals(type)) {
            resume(session, message);
        }
        else {
            error(session, "bad_request", "Unknown frame type; expected ping, subscribe or resume.");
        }
    }

    private void subscribe(ClientSession session, JsonNode message) {
        List<String> kinds = strings(message.get("kinds"));
        List<String> symbols = strings(message.get("symbols"));
        JsonNode min = message.get("min_spread");
        if (kinds == BAD || symbols == BAD || (min != null && !min.isNull() && (!min.isNumber()
                || min.decimalValue().signum() < 0))) {
            error(session, "bad_request", "subscribe takes kinds and symbols as lists of strings and min_spread as "
                    + "a number >= 0.");
            return;
        }
        if (kinds != null && !Preferences.KINDS.containsAll(kinds)) {
            error(session, "bad_request", "Unknown kind; known kinds are " + String.join(", ", Preferences.KINDS)
                    + ".");
            return;
        }
        BigDecimal minSpread = min == null || min.isNull() ? null : min.decimalValue();
        session.subscribe(new Subscription(kinds, symbols, minSpread));
    }

    private void resume(ClientSession session, JsonNode message) {
        JsonNode after = message.get("after_seq");
        if (after == null || !after.canConvertToLong() || !after.isIntegralNumber()) {
            error(session, "bad_request", "resume takes after_seq, the last seq the client saw.");
            return;
        }
        session.loop.holdForResume(session, after.asLong());
        if (fanout.history().rebuilt()) {
            answerResume(session);
        }
        // else historyRebuilt() answers it
    }

    /**
     * The LIVE consumer has read the signals topic up to the end offsets it found at start: resumes that came
     * before are answered now. (One that comes while this runs sees the history rebuilt and is answered at once.)
     */
    void historyRebuilt() {
        fanout.forAll(session -> {
            if (session.resumePending) {
                answerResume(session);
            }
        });
    }

    private void answerResume(ClientSession session) {
        long afterSeq = session.replayAfterSeq;
        if (!fanout.history().completeAfter(afterSeq)) {
            error(session, "resume_gap", "Some frames after seq " + afterSeq + " are no longer kept; "
                    + "everything still kept follows.");
        }
        session.loop.replay(session);
    }

    private void error(ClientSession session, String code, String text) {
        session.loop.send(session, frames.message(new ErrorMessage(code, text)));
        metrics.errorFrames.increment();
    }

    /** After a SubscriptionChanged: a user now FREE loses their sockets opened with an older token (4403). */
    void tierChanged(UUID userId) {
        fanout.forUser(userId, session -> {
            if (authenticator.downgradedSince(userId, session.tokenIssuedAt)) {
                session.loop.close(session, CloseReason.DOWNGRADED, 4403, "VIP subscription ended");
            }
        });
    }

    /** After a PreferencesChanged: sockets whose filters follow the preferences follow the new ones. */
    void preferencesChanged(UUID userId) {
        Preferences prefs = preferences(userId);
        fanout.forUser(userId, session -> session.preferences(prefs));
    }

    private Preferences preferences(UUID userId) {
        return directory.find(userId).map(UserView::prefs).orElse(Preferences.DEFAULT);
    }

    private static final List<String> BAD = new ArrayList<>();

    /** Null when absent (use the preferences), {@link #BAD} when not a list of strings. */
    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            return BAD;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString()) {
                return BAD;
            }
            values.add(element.asString());
        }
        return List.copyOf(values);
    }

    private static void onLoop(ClientSession session, Runnable action) {
        if (session.loop.loop.inEventLoop()) {
            action.run();
        }
        else {
            session.loop.loop.execute(action);
        }
    }

    int open() {
        return open.get();
    }

    @Override
    public void start() {
        running = true;
    }

    /** First of all at shutdown: every socket gets 1001 while the server can still write it. */
    @Override
    public void stop() {
        running = false;
        if (open.get() == 0) {
            return;
        }
        log.info("Closing {} sockets for shutdown", open.get());
        fanout.forAll(session -> session.loop.close(session, CloseReason.SHUTDOWN, 1001, "Server shutting down"));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (open.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
