package io.cryptotracker.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/** A real Redis (embedded-redis ships the binary) on a loopback port, which a test may stop and start again. */
public final class TestRedis {

    private final int port = freePort();
    private RedisServer server;

    public TestRedis() {
        start();
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Redis did not start on port " + port, ex);
        }
    }

    public synchronized void stop() {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
