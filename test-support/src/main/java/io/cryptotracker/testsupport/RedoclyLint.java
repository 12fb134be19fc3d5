package io.cryptotracker.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Redocly CLI's {@code lint} with its recommended rules over an OpenAPI document, with a pinned version: a tool
 * of the test run only (the product and its build never need Node.js). The first run on a machine installs the CLI
 * with {@code npm install --prefix} into {@code ~/.cache/cryptotracker/redocly-cli-<version>} (a lock file keeps
 * parallel test JVMs from installing twice); every run then starts its script with {@code node} directly, which
 * saves npx's own start and package resolution (about 1.5 s of the 2.5 s a lint took through npx). {@code .ci/run}
 * installs Node.js where it is missing; where {@code npm} or a recent enough Node.js is missing the check skips.
 */
public final class RedoclyLint {

    /** The pinned Redocly CLI. */
    public static final String VERSION = "2.77.0";

    private static final Path HOME = Path.of(System.getProperty("user.home"), ".cache", "cryptotracker",
            "redocly-cli-" + VERSION);
    private static final Path SCRIPT = HOME.resolve(Path.of("node_modules", "@redocly", "cli", "bin", "cli.js"));
    private static final Path INSTALLED = HOME.resolve("installed");

    private RedoclyLint() {
    }

    /** What the linter said: its exit code (non-zero when it found errors) and its report. */
    public record Result(int exitCode, String report) {

        public boolean passed() {
            return exitCode == 0;
        }
    }

    /**
     * Why the lint cannot run here, or empty when it can: it needs {@code npm} on the PATH and a Node.js the pinned
     * CLI supports (20.19+ or 22.12+; Debian 12's own nodejs is 18).
     */
    public static Optional<String> unavailableBecause() {
        String path = System.getenv("PATH");
        boolean npm = path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "npm")));
        if (!npm) {
            return Optional.of("npm is not on the PATH (install Node.js 20.19+: apt-get install -y nodejs npm)");
        }
        String version = nodeVersion();
        Matcher matcher = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version);
        if (!matcher.lookingAt()) {
            return Optional.of("node --version answered '" + version + "'");
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major < 20 || (major == 20 && minor < 19) || major == 21 || (major == 22 && minor < 12)) {
            return Optional.of("Node.js " + version + " is too old for Redocly CLI " + VERSION
                    + " (needs 20.19+ or 22.12+)");
        }
        return Optional.empty();
    }

    private static String nodeVersion() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        }
        catch (IOException ex) {
            return ex.getMessage();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Lints the document in {@code file} with {@code --extends=recommended}. */
    public static Result lint(Path file) throws IOException, InterruptedException {
        installOnce();
        return run(List.of("node", SCRIPT.toString(), "lint", "--extends=recommended", "--format=stylish",
                file.toAbsolutePath().toString()), file.toAbsolutePath().getParent());
    }

    /**
     * Installs the pinned CLI into {@link #HOME} unless an earlier run did; the marker file is written only after a
     * complete install, so an interrupted one is redone.
     */
    private static void installOnce() throws IOException, InterruptedException {
        if (Files.exists(INSTALLED) && Files.exists(SCRIPT)) {
            return;
        }
        Files.createDirectories(HOME);
        try (FileChannel channel = FileChannel.open(HOME.resolve("install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            if (Files.exists(INSTALLED) && Files.exists(SCRIPT)) {
                return;
            }
            Result install = run(List.of("npm", "install", "--prefix", HOME.toString(), "--no-save", "--no-audit",
                    "--no-fund", "--no-package-lock", "--loglevel=error", "@redocly/cli@" + VERSION), HOME);
            if (!install.passed() || !Files.exists(SCRIPT)) {
                throw new IllegalStateException("npm could not install Redocly CLI " + VERSION + " into " + HOME
                        + ":\n" + install.report());
            }
            Files.writeString(INSTALLED, VERSION, StandardCharsets.UTF_8);
        }
    }

    private static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path report = Files.createTempFile("redocly-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(report.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(report, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(report);
        }
    }
}
