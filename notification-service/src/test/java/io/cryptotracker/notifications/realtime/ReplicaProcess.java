package io.cryptotracker.notifications.realtime;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cryptotracker.notifications.NotificationApplication;

/**
 * notification-service in a JVM of its own (the test's classpath), so a test can kill it the way the kernel does:
 * {@link #kill()} is SIGKILL – no shutdown hook, no close frame, no Kafka consumer closed. Its output goes to
 * {@code target/<name>.log}.
 */
final class ReplicaProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;

    private ReplicaProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on a free port with {@code arguments} (Spring command-line properties). */
    static ReplicaProcess start(String name, List<String> arguments) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                NotificationApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File("."))
                .start();
        return new ReplicaProcess(process, port, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the replica process did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
