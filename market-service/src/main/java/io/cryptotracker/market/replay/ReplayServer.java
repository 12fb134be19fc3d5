package io.cryptotracker.market.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP stub that answers like the real sources from recorded answers on the classpath, so the very same
 * adapters run without network or keys. {@code GET /<source>/<path>?<query>} answers
 * {@code <root>/<source>/<path>.json} (the query – timestamps, signatures, limits – is ignored). A last path
 * segment listing several ids ({@code /tokens/v1/ethereum/0xa,0xb}) answers the concatenated arrays of the
 * recorded single-id answers, as DexScreener does. Anything not recorded is a 404.
 */
public class ReplayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayServer.class);

    private final String root;
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param root a classpath folder, e.g. {@code replay}
     * @param port 0 for any free port
     */
    public ReplayServer(String root, int port) throws IOException {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "market-replay");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        log.info("Market data replay serving recorded source answers from classpath:{} on {}", this.root,
                baseUrl(""));
    }

    /** The base URL an adapter of this source uses instead of the live one. */
    public String baseUrl(String source) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + (source.isEmpty() ? "" : "/" + source);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = "GET".equals(exchange.getRequestMethod()) ? recorded(path) : null;
            if (body == null) {
                body = "{\"msg\":\"not recorded\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
            }
            else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] recorded(String path) throws IOException {
        if (path.contains("..")) {
            return null;
        }
        byte[] exact = resource(path);
        if (exact != null) {
            return exact;
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (!last.contains(",")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String id : last.split(",")) {
            byte[] one = resource(path.substring(0, slash + 1) + id);
            if (one != null) {
                String array = new String(one, StandardCharsets.UTF_8).trim();
                if (array.startsWith("[") && array.endsWith("]") && array.length() > 2) {
                    parts.add(array.substring(1, array.length() - 1));
                }
            }
        }
        return ("[" + String.join(",", parts) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = ReplayServer.class.getClassLoader().getResourceAsStream(root + path + ".json")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
