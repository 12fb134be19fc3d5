package io.cryptotracker.notifications.realtime;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.cryptotracker.testsupport.JsonFrames;
import tools.jackson.databind.JsonNode;

/** A WebSocket client as a client author would write one (java.net.http.WebSocket), keeping every frame it got. */
final class SocketClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonFrames listener = new JsonFrames();
    private final List<JsonNode> frames = listener.frames();
    private final WebSocket socket;

    private SocketClient(URI uri, String bearer) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        this.socket = builder.buildAsync(uri, listener).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Connects and waits until the server answered a ping, so the socket is registered for signals. */
    static SocketClient connect(int port, String bearer) {
        return ready(new SocketClient(URI.create("ws://localhost:" + port + "/ws/signals"), bearer));
    }

    /** Returns as soon as the upgrade succeeded, before anything else is sent: the first frame is the caller's. */
    static SocketClient open(int port, String bearer) {
        return new SocketClient(URI.create("ws://localhost:" + port + "/ws/signals"), bearer);
    }

    static SocketClient connectWithTicket(int port, String ticket) {
        return ready(new SocketClient(URI.create("ws://localhost:" + port + "/ws/signals?ticket=" + ticket), null));
    }

    private static SocketClient ready(SocketClient client) {
        client.send("{\"type\":\"ping\"}");
        client.await(frame -> "pong".equals(frame.path("type").asString()));
        client.frames.clear();
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The first frame matching, waiting for it. */
    JsonNode await(Predicate<JsonNode> matching) {
        return org.awaitility.Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(10)).until(() -> frames.stream().filter(matching).findFirst(),
                java.util.Optional::isPresent).get();
    }

    /** Signal frames so far, in arrival order. */
    List<JsonNode> signals() {
        return frames.stream().filter(frame -> "signal".equals(frame.path("type").asString())).toList();
    }

    List<JsonNode> ofType(String type) {
        return frames.stream().filter(frame -> type.equals(frame.path("type").asString())).toList();
    }

    List<Long> signalSeqs() {
        List<Long> seqs = new ArrayList<>();
        signals().forEach(frame -> seqs.add(frame.path("seq").asLong()));
        return seqs;
    }

    List<JsonNode> frames() {
        return frames;
    }

    CompletableFuture<Integer> closeCode() {
        return listener.closeCode();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
