import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;

/**
 * One measured run at one CPU throttle: a fresh context opens the board on the fake suite, waits until its rows are
 * on screen, warms up with live events, then pushes the measured events and reads the page's Performance API.
 */
final class BoardRun {

    static final String BOARD = "/board/" + SignalFeed.KIND;
    static final String ROWS = "tr[data-signal-id]";
    /** The rows on the board: its table's aria-rowcount less the header (a virtualizing board), else the DOM rows. */
    static final String BOARD_ROWS = "((t) => t ? Number(t.getAttribute('aria-rowcount')) - 1"
            + " : document.querySelectorAll('" + ROWS + "').length)(document.querySelector('table[aria-rowcount]'))";

    private final ConsoleBench.Settings settings;
    private final Browser browser;
    private final String probe;

    BoardRun(ConsoleBench.Settings settings, Browser browser, String probe) {
        this.settings = settings;
        this.browser = browser;
        this.probe = probe;
    }

    /** What one run measured; times in ms. */
    record Result(int throttle, String socket, int rowsLoaded, int loadMoreClicks, double boardReadyMs,
            int loadLongTasks, double loadLongestTask,
            Map<String, Integer> sentByEvent, int signalFrames, int notificationFrames, int unsent,
            double senderLagMaxMs, int frameMarks, int measured, double[] frameToPaint, int longTasks,
            double longestTask, List<JsonObject> longFrames, int rowsAtEnd, int closedRowsAtEnd, int domNodes,
            double heapStartMb, double heapEndMb, int socketsOpened, int refusedSockets, int resumes,
            String liveStatus, List<String> pageErrors, List<String> unhandledApi, List<String> apiCalls,
            List<FakeSuite.Served> firstLoad, List<FakeSuite.Served> later, List<String> unsupported,
            double achievedRate, Map<String, Double> mainThreadPerSecond, String loadAtStart, String loadAtEnd) {
    }

    /** One run at {@code throttle}; {@code socket} is "playwright" (routeWebSocket) or "loopback" (a real server). */
    Result run(int throttle, String socket, int durationSeconds, Profiling profiling) {
        UUID userId = UUID.nameUUIDFromBytes("bench-trader".getBytes());
        SignalFeed feed = new SignalFeed(settings.seed(), settings.rows(), userId, settings.createdShare(),
                settings.closedShare());
        FakeSuite suite = new FakeSuite(settings.consoleDir(), feed, userId);
        List<String> pageErrors = new ArrayList<>();
        boolean playwrightSocket = !"loopback".equals(socket);
        try (LoopbackSocket loopback = playwrightSocket ? null
                : new LoopbackSocket(java.net.URI.create(settings.origin()), suite);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
                .setLocale("en-US").setTimezoneId("UTC"))) {
            context.grantPermissions(List.of("notifications"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin(settings.origin()));
            Page page = context.newPage();
            page.onPageError(error -> pageErrors.add("page error: " + error));
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    pageErrors.add("console.error: " + message.text());
                }
            });
            page.addInitScript(probe);
            suite.serveAll(page, playwrightSocket);
            CDPSession cdp = context.newCDPSession(page);
            cdp.send("Performance.enable");
            if (throttle > 1) {
                JsonObject rate = new JsonObject();
                rate.addProperty("rate", throttle);
                cdp.send("Emulation.setCPUThrottlingRate", rate);
            }
            log("%d× CPU, socket %s: opening %s with %d open signals", throttle, socket, BOARD, settings.rows());
            page.navigate(settings.origin() + BOARD);
            JsonArray ready = waitForRows(page, settings.rows(), 90_000.0 * Math.max(1, throttle / 2));
            double boardReadyMs = ready.get(1).getAsDouble();
            int rowsLoaded = ready.get(0).getAsInt();
            int loadMoreClicks = 0;
            Locator more = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load more"));
            while (rowsLoaded < settings.rows() && loadMoreClicks < 20 && more.count() > 0) {
                more.first().click();
                loadMoreClicks++;
                JsonArray after = waitForMoreRows(page, rowsLoaded, 30_000.0 * throttle);
                rowsLoaded = after.get(0).getAsInt();
            }
            page.waitForTimeout(1000);
            List<FakeSuite.Served> firstLoad = suite.served();
            JsonObject atLoad = read(page, "({ longTasks: window.__ctBench.longTasks,"
                    + " heap: performance.memory ? performance.memory.usedJSHeapSize : 0 })");
            double[] loadTasks = durations(atLoad.getAsJsonArray("longTasks"), 0, Double.MAX_VALUE);
            log("%d× CPU: %d rows on the board %.0f ms after navigation; longest task while loading %.0f ms",
                    throttle, rowsLoaded, boardReadyMs, max(loadTasks));
            waitForSocket(page, suite, pageErrors);

            Pusher pusher = new Pusher(page, suite, feed, settings.rate());
            log("%d× CPU: warm-up, %d s at %d events/s", throttle, settings.warmupSeconds(), settings.rate());
            pusher.push(settings.warmupSeconds());
            JsonObject start = read(page, "({ now: performance.now(),"
                    + " heap: performance.memory ? performance.memory.usedJSHeapSize : 0 })");
            double windowStart = start.get("now").getAsDouble();
            Map<String, Double> metricsBefore = metrics(cdp);
            String loadAtStart = ConsoleBench.loadAverage();
            long firstSeq = pusher.lastSeq() + 1;
            Map<String, Integer> before = new LinkedHashMap<>(feed.sentByEvent());
            int notificationsBefore = pusher.notificationFrames();
            if (profiling != null) {
                profiling.start(page, cdp);
            }
            log("%d× CPU: measuring, %d s at %d events/s", throttle, durationSeconds, settings.rate());
            pusher.resetLag();
            long pushStarted = System.nanoTime();
            pusher.push(durationSeconds);
            double pushedSeconds = (System.nanoTime() - pushStarted) / 1e9;
            long lastSeq = pusher.lastSeq();
            Map<String, Double> mainThread = new LinkedHashMap<>();
            metrics(cdp).forEach((name, value) -> mainThread.put(name,
                    (value - metricsBefore.getOrDefault(name, 0.0)) / pushedSeconds));
            String loadAtEnd = ConsoleBench.loadAverage();
            waitForMeasures(page, firstSeq, lastSeq);
            if (profiling != null) {
                profiling.stop(page, cdp);
            }
            JsonObject end = read(page, "({ now: performance.now(), probe: window.__ctBench,"
                    + " heap: performance.memory ? performance.memory.usedJSHeapSize : 0,"
                    + " rows: " + BOARD_ROWS + ","
                    + " closed: document.querySelectorAll('" + ROWS + ".row-closed').length,"
                    + " nodes: document.getElementsByTagName('*').length,"
                    + " live: document.querySelector('[data-testid=live-status]')?.textContent?.trim() ?? null })");
            double windowEnd = end.get("now").getAsDouble();
            JsonObject probeState = end.getAsJsonObject("probe");
            List<Double> paints = new ArrayList<>();
            for (JsonElement entry : probeState.getAsJsonArray("measures")) {
                JsonArray measure = entry.getAsJsonArray();
                long seq = parseSeq(measure.get(0).getAsString());
                if (seq >= firstSeq && seq <= lastSeq) {
                    paints.add(measure.get(2).getAsDouble());
                }
            }
            double[] frameToPaint = paints.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] tasks = durations(probeState.getAsJsonArray("longTasks"), windowStart, windowEnd);
            List<JsonObject> longFrames = new ArrayList<>();
            for (JsonElement frame : probeState.getAsJsonArray("longFrames")) {
                double at = frame.getAsJsonObject().get("start").getAsDouble();
                if (at >= windowStart && at <= windowEnd) {
                    longFrames.add(frame.getAsJsonObject());
                }
            }
            List<String> unsupported = new ArrayList<>();
            probeState.getAsJsonArray("unsupported").forEach(type -> unsupported.add(type.getAsString()));
            Map<String, Integer> sent = new LinkedHashMap<>();
            feed.sentByEvent().forEach((event, count) -> sent.put(event, count - before.getOrDefault(event, 0)));
            if (profiling == null) {
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(settings.screenshots().resolve("board-" + throttle + "x.png")));
            }
            List<String> loaded = firstLoad.stream().map(FakeSuite.Served::path).toList();
            List<FakeSuite.Served> later = suite.served().subList(firstLoad.size(), suite.served().size()).stream()
                    .filter(file -> !loaded.contains(file.path())).toList();
            return new Result(throttle, socket, rowsLoaded, loadMoreClicks, boardReadyMs, loadTasks.length, max(loadTasks), sent,
                    (int) (lastSeq - firstSeq + 1), pusher.notificationFrames() - notificationsBefore,
                    pusher.unsent(), pusher.lagMaxMs(), probeState.get("frameMarks").getAsInt(), frameToPaint.length,
                    frameToPaint, tasks.length, max(tasks), longFrames, end.get("rows").getAsInt(),
                    end.get("closed").getAsInt(), end.get("nodes").getAsInt(),
                    start.get("heap").getAsDouble() / 1e6, end.get("heap").getAsDouble() / 1e6,
                    suite.socketsOpened(), suite.refusedSockets(), suite.resumes(),
                    end.get("live").isJsonNull() ? null : end.get("live").getAsString(), pageErrors,
                    suite.unhandled(), suite.apiCalls(), firstLoad, later, unsupported,
                    (lastSeq - firstSeq + 1) / pushedSeconds, mainThread, loadAtStart, loadAtEnd);
        }
    }

    /**
     * Waits until {@code rows} rows are on the board, or the count has stood still for 3 s (a board that pages or
     * virtualises shows fewer); answers [rows, performance.now() when that count first showed].
     */
    static JsonArray waitForRows(Page page, int rows, double timeoutMs) {
        String poll = "(n) => { const p = window.__ctBench; const now = performance.now();"
                + " const c = document.querySelectorAll('" + ROWS + "').length ? " + BOARD_ROWS + " : 0;"
                + " if (c !== p.rows) { p.rows = c; p.rowsAt = now; }"
                + " return (c >= n || (c > 0 && now - p.rowsAt > 3000)) ? [c, p.rowsAt] : false; }";
        try {
            Object answer = page.waitForFunction(poll, rows, new Page.WaitForFunctionOptions().setTimeout(timeoutMs))
                    .jsonValue();
            return new com.google.gson.Gson().toJsonTree(answer).getAsJsonArray();
        }
        catch (PlaywrightException ex) {
            throw new IllegalStateException("The board showed no signal rows (" + ROWS + ") within "
                    + (long) timeoutMs / 1000 + " s: " + ex.getMessage().lines().findFirst().orElse(""), ex);
        }
    }

    /** Lets the page paint what it still has queued: until every frame sent has its measure, or 15 s. */
    private static void waitForMeasures(Page page, long firstSeq, long lastSeq) {
        String count = "window.__ctBench.measures.filter((m) => +m[0] >= " + firstSeq + " && +m[0] <= " + lastSeq
                + ").length";
        long expected = lastSeq - firstSeq + 1;
        page.waitForTimeout(500);
        for (int waited = 0; waited < 15_000; waited += 250) {
            if (((Number) page.evaluate("() => " + count)).longValue() >= expected) {
                break;
            }
            page.waitForTimeout(250);
        }
        page.waitForTimeout(500);
    }

    /** Waits until the board holds more than {@code before} rows and the count stood still for 1 s. */
    private static JsonArray waitForMoreRows(Page page, int before, double timeoutMs) {
        String poll = "(n) => { const p = window.__ctBench; const now = performance.now(); const c = " + BOARD_ROWS
                + "; if (c !== p.rows) { p.rows = c; p.rowsAt = now; }"
                + " return (c > n && now - p.rowsAt > 1000) ? [c, p.rowsAt] : false; }";
        Object answer = page.waitForFunction(poll, before, new Page.WaitForFunctionOptions().setTimeout(timeoutMs))
                .jsonValue();
        return new com.google.gson.Gson().toJsonTree(answer).getAsJsonArray();
    }

    private static void waitForSocket(Page page, FakeSuite suite, List<String> pageErrors) {
        for (int waited = 0; suite.socket() == null; waited += 50) {
            if (waited > 30_000) {
                throw new IllegalStateException("The console did not open /ws/signals within 30 s (tickets refused: "
                        + suite.refusedSockets() + ", API calls: " + suite.apiCalls() + ", page errors: "
                        + pageErrors.stream().distinct().toList() + ")");
            }
            page.waitForTimeout(50);
        }
    }

    /** Chromium's counters for the page (Performance.getMetrics): durations in s, counts. */
    private static Map<String, Double> metrics(CDPSession cdp) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (JsonElement element : cdp.send("Performance.getMetrics").getAsJsonArray("metrics")) {
            JsonObject metric = element.getAsJsonObject();
            metrics.put(metric.get("name").getAsString(), metric.get("value").getAsDouble());
        }
        return metrics;
    }

    static JsonObject read(Page page, String expression) {
        Object value = page.evaluate("() => JSON.stringify(" + expression + ")");
        return JsonParser.parseString((String) value).getAsJsonObject();
    }

    private static double[] durations(JsonArray entries, double from, double to) {
        return entries.asList().stream().map(JsonElement::getAsJsonArray)
                .filter(entry -> entry.get(0).getAsDouble() >= from && entry.get(0).getAsDouble() <= to)
                .mapToDouble(entry -> entry.get(1).getAsDouble()).sorted().toArray();
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    static void log(String format, Object... args) {
        System.out.printf("[console-bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    /**
     * Sends the feed's events to the open socket on a fixed schedule (open loop: a late send does not move the
     * schedule). Runs on the thread that drives the page: waiting on the page lets Playwright answer the routes.
     */
    static final class Pusher {

        private final Page page;
        private final FakeSuite suite;
        private final SignalFeed feed;
        private final long periodNanos;
        private long lastSeq;
        private int notificationFrames;
        private int unsent;
        private long lagMaxNanos;

        Pusher(Page page, FakeSuite suite, SignalFeed feed, int rate) {
            this.page = page;
            this.suite = suite;
            this.feed = feed;
            this.periodNanos = 1_000_000_000L / rate;
        }

        void push(int seconds) {
            long start = System.nanoTime();
            long count = seconds * 1_000_000_000L / periodNanos;
            for (long i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    page.waitForTimeout(wait / 1_000_000.0);
                }
                lagMaxNanos = Math.max(lagMaxNanos, System.nanoTime() - due);
                SignalFeed.Event event = feed.next();
                lastSeq = event.seq();
                FakeSuite.LiveSocket socket = suite.socket();
                if (socket == null) {
                    unsent++;
                    continue;
                }
                socket.send(event.signalFrame());
                if (event.notificationFrame() != null) {
                    socket.send(event.notificationFrame());
                    notificationFrames++;
                }
            }
        }

        long lastSeq() {
            return lastSeq;
        }

        int notificationFrames() {
            return notificationFrames;
        }

        int unsent() {
            return unsent;
        }

        void resetLag() {
            lagMaxNanos = 0;
        }

        double lagMaxMs() {
            return lagMaxNanos / 1e6;
        }
    }
}
