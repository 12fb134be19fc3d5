package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A service running as its own JVM, its output going to a log file: started, health-checked and stopped. */
public final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int TAIL_LINES = 25;

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final long startedAtNanos;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, long startedAtNanos) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.startedAtNanos = startedAtNanos;
    }

    /** Starts {@code java ... -jar <jar>} with the spec's environment; stdout and stderr go to the log file. */
    public static ServiceProcess start(ServiceSpec spec, Path logFile, Path javaExecutable) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException("Jar of " + spec.name() + " not found: " + spec.jar());
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(spec.workingDirectory());
            List<String> command = spec.command(javaExecutable);
            Files.writeString(logFile, "# " + Instant.now() + " " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(spec.environment());
            long startedAt = System.nanoTime();
            return new ServiceProcess(spec, builder.start(), logFile, startedAt);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + spec.name() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Polls {@code /readyz} until it answers {@code {"status":"UP"...}}; returns the time since start.
     *
     * @throws ServiceFailure if the process exits or is not healthy within the timeout
     */
    public Duration awaitHealthy(HttpClient http, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it became healthy");
            }
            if (isHealthy(http)) {
                return sinceStart();
            }
            if (System.nanoTime() > deadline) {
                throw failure("was not healthy after " + timeout.toSeconds() + " s (" + spec.healthUri() + ")");
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw failure("start-up wait was interrupted");
            }
        }
    }

    /** One health check: true when the service answers 200 with status UP. */
    public boolean isHealthy(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(spec.healthUri()).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && isStatusUp(response.body());
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a health answer's top-level status is UP (components, if shown, do not count). */
    static boolean isStatusUp(String healthJson) {
        try {
            return "UP".equals(JsonMapper.shared().readTree(healthJson).path("status").asString());
        }
        catch (JacksonException ex) {
            return false;
        }
    }

    /** Sends SIGTERM (the JVM shuts down gracefully) without waiting. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the process to exit; after the grace period kills it (and anything it started) with SIGKILL. */
    public void awaitStopped(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGTERM, wait, SIGKILL if it takes longer than the grace period. */
    public void stop(Duration grace) {
        requestStop();
        awaitStopped(grace);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    /** Resident memory of the process (Linux only). */
    public OptionalLong residentBytes() {
        return ProcessMemory.residentBytes(process.pid());
    }

    /** The last lines of the service's log. */
    public String logTail() {
        return LogTail.of(logFile, TAIL_LINES);
    }

    ServiceFailure failure(String reason) {
        return new ServiceFailure(spec.name(), reason, logFile, logTail());
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + process.pid() + ", port " + spec.port() + ")";
    }
}
