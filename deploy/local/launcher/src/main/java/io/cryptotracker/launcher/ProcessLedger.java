package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A file listing the processes a launcher run started (PID, start time, role). A launcher that was killed with
 * SIGKILL cannot stop its children; the next run reads the ledger and stops whatever is still running from it.
 */
public final class ProcessLedger {

    private final Path file;
    private final Map<Long, String> entries = new LinkedHashMap<>();

    public ProcessLedger(Path file) {
        this.file = file;
    }

    /** Remembers a running process. */
    public synchronized void record(ProcessHandle process, String role) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        entries.put(process.pid(), process.pid() + " " + started + " " + role);
        write();
    }

    public synchronized void forget(long pid) {
        if (entries.remove(pid) != null) {
            write();
        }
    }

    /** Removes the ledger: everything it listed has been stopped. */
    public synchronized void clear() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Stops the processes a previous run left behind (same PID and same start time, so a reused PID is never
     * touched): SIGTERM, then SIGKILL after the grace period. Returns a description of each one stopped.
     */
    public List<String> stopLeftovers(java.time.Duration grace) {
        List<String> stopped = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return stopped;
        }
        List<ProcessHandle> alive = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split(" ", 3);
                if (fields.length < 3) {
                    continue;
                }
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]));
                long recordedStart = Long.parseLong(fields[1]);
                if (process.isPresent() && process.get().isAlive() && sameStart(process.get(), recordedStart)) {
                    alive.add(process.get());
                    stopped.add(fields[2] + " (pid " + fields[0] + ")");
                }
            }
        }
        catch (IOException | NumberFormatException ex) {
            stopped.add("(unreadable ledger " + file + ": " + ex.getMessage() + ")");
        }
        terminate(alive, grace);
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return stopped;
    }

    /** SIGTERM to all, wait up to the grace period, then SIGKILL to those (and their children) still running. */
    static void terminate(List<ProcessHandle> processes, java.time.Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            long remaining = Math.max(1, deadline - System.nanoTime());
            try {
                process.onExit().get(remaining, TimeUnit.NANOSECONDS);
            }
            catch (Exception ex) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static boolean sameStart(ProcessHandle process, long recordedStartMillis) {
        return process.info().startInstant()
                .map(start -> Math.abs(start.toEpochMilli() - recordedStartMillis) < 2000)
                .orElse(false);
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, entries.values(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + file, ex);
        }
    }
}
