package io.cryptotracker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads a process's resident memory from {@code /proc} (Linux); empty elsewhere or once the process is gone. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static OptionalLong residentBytes(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /**
     * A process and its descendants together, e.g. a PostgreSQL postmaster and its backends; the shared memory
     * (PostgreSQL's buffers) that every child maps again is counted once, with the parent.
     */
    static OptionalLong residentBytesWithDescendants(long pid) {
        OptionalLong own = residentBytes(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong() + ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToLong(child -> residentBytes(child.pid()).orElse(0) - statusField(child.pid(), "RssShmem:").orElse(0))
                .sum();
        return OptionalLong.of(total);
    }

    private static OptionalLong statusField(long pid, String field) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    String kilobytes = line.substring(field.length()).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? mebibytes(bytes.getAsLong()) : "-";
    }

    static String mebibytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
