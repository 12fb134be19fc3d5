package io.cryptotracker.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Redocly CLI's {@code lint} with its recommended rules over an OpenAPI document, through {@code npx} and a
 * pinned version: a tool of the test run only (the product and its build never need Node.js). {@code .ci/run}
 * installs Node.js where it is missing.
 */
public final class RedoclyLint {

    /** The pinned Redocly CLI; npx fetches it once into npm's cache. */
    public static final String VERSION = "2.77.0";

    private RedoclyLint() {
    }

    /** What the linter said: its exit code (non-zero when it found errors) and its report. */
    public record Result(int exitCode, String report) {

        public boolean passed() {
            return exitCode == 0;
        }
    }

    /** Whether {@code npx} is on the PATH; without it the lint cannot run. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, "npx"))) {
                return true;
            }
        }
        return false;
    }

    /** Lints the document in {@code file} with {@code --extends=recommended}. */
    public static Result lint(Path file) throws IOException, InterruptedException {
        Path report = Files.createTempFile("redocly-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("npx", "--yes", "@redocly/cli@" + VERSION, "lint",
                    "--extends=recommended", "--format=stylish", file.toAbsolutePath().toString()))
                    .directory(file.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(report.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Redocly CLI did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(report, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(report);
        }
    }
}
