import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The web console's live-board benchmark (issue 13, "Benchmark"): in Chromium, the board with {@code ROWS} open
 * signals and {@code RATE} signal events a second; frame received → row painted from the console's own Performance
 * API entries, long tasks, first-load bytes; at each CPU throttle in {@code THROTTLES}. Writes RESULTS.md.
 * Configuration by environment variables (bench/console/run.sh sets them; README.md lists them).
 */
public final class ConsoleBench {

    /** The run's settings, from the environment. */
    record Settings(Path root, Path consoleDir, int rows, int rate, int warmupSeconds, int durationSeconds,
            List<Integer> throttles, List<String> sockets, long seed, double createdShare, double closedShare, int profileSeconds,
            String gatewayUrl, Path chromium, String origin, Path out, Path work, Path screenshots,
            String consoleRevision, String playwrightVersion) {

        static Settings fromEnvironment() {
            Path root = Paths.get(env("ROOT", ".")).toAbsolutePath().normalize();
            Path work = Paths.get(env("WORK", root.resolve("bench/console/target/work").toString()));
            return new Settings(root,
                    Paths.get(env("CONSOLE_DIR",
                            root.resolve("web-console/src/main/resources/META-INF/cryptotracker-console").toString())),
                    Integer.parseInt(env("ROWS", "500")), Integer.parseInt(env("RATE", "20")),
                    Integer.parseInt(env("WARMUP_SECONDS", "15")), Integer.parseInt(env("DURATION_SECONDS", "60")),
                    Arrays.stream(env("THROTTLES", "1,4").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                    Arrays.stream(env("SOCKETS", "playwright,loopback").split(",")).map(String::trim).toList(),
                    Long.parseLong(env("SEED", "13")), Double.parseDouble(env("CREATED_SHARE", "0.15")),
                    Double.parseDouble(env("CLOSED_SHARE", "0.15")), Integer.parseInt(env("PROFILE_SECONDS", "20")),
                    env("GATEWAY_URL", "http://localhost:8080"), Paths.get(env("CHROMIUM", "/usr/bin/chromium")),
                    env("ORIGIN", "http://127.0.0.1:18480"),
                    Paths.get(env("OUT", root.resolve("bench/console/RESULTS.md").toString())), work,
                    work.resolve("screenshots"), env("CONSOLE_REVISION", "working tree"),
                    env("PLAYWRIGHT_VERSION", "?"));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }
    }

    /**
     * A page whose files the routes answer has no address, so Chromium's Local Network Access checks would block
     * its socket to the loopback server (SOCKETS=loopback); the gateway's own origin is loopback anyway.
     */
    static final List<String> CHROMIUM_ARGS = List.of(
            "--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets");

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        if (!Files.isRegularFile(settings.consoleDir().resolve("index.html"))) {
            throw new IllegalStateException("No console at " + settings.consoleDir() + " (CONSOLE_DIR)");
        }
        Files.createDirectories(settings.screenshots());
        String probe = Files.readString(settings.root().resolve("bench/console/src/probe.js"));
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        List<BoardRun.Result> runs = new ArrayList<>();
        Profiling profiling = null;
        FirstLoad.GatewayLoad gateway;
        String chromiumVersion;
        try (Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(settings.chromium()).setHeadless(true).setArgs(CHROMIUM_ARGS))) {
            chromiumVersion = browser.version();
            BoardRun board = new BoardRun(settings, browser, probe);
            for (String socket : settings.sockets()) {
                for (int throttle : settings.throttles()) {
                    runs.add(board.run(throttle, socket, settings.durationSeconds(), null));
                }
            }
            if (settings.profileSeconds() > 0) {
                BoardRun.log("attribution pass: %d s at 1× CPU, traced and sampled", settings.profileSeconds());
                profiling = new Profiling(browser, settings.work(), settings.origin());
                board.run(1, settings.sockets().get(0), settings.profileSeconds(), profiling);
            }
            gateway = FirstLoad.fromGateway(settings, browser, probe);
        }
        String loadAfter = loadAverage();
        ResultsFile.write(settings, started, loadBefore, loadAfter, chromiumVersion, runs, profiling, gateway);
        BoardRun.log("wrote %s", settings.out());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (java.io.IOException ex) {
            return "unknown";
        }
    }
}
