package io.cryptotracker.testsupport;

import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link java.net.http.WebSocket} listener for tests of the live socket: keeps every JSON text frame (put together
 * from its fragments) in arrival order, and the close code the server sent.
 */
public final class JsonFrames implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    /** The frames so far, live: new frames appear in this list as they arrive. */
    public List<JsonNode> frames() {
        return frames;
    }

    /** Completes with the server's close code, or exceptionally when the connection failed. */
    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
