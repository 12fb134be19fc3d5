package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service for {@link SuiteLauncherTest}, run as its own JVM: FAKE_MODE=healthy answers
 * {@code /readyz} with UP on SERVER_PORT, FAKE_MODE=silent never answers; on SIGTERM it writes
 * FAKE_STOPPED_MARKER.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String marker = System.getenv("FAKE_STOPPED_MARKER");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(Path.of(marker), "stopped");
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }));
        System.out.println("fake service starting in mode " + System.getenv("FAKE_MODE"));
        if ("healthy".equals(System.getenv("FAKE_MODE"))) {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress("localhost", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
            server.createContext("/readyz", exchange -> {
                byte[] body = "{\"status\":\"UP\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }
        new CountDownLatch(1).await();
    }
}
