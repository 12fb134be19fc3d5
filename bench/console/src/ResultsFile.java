import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Writes RESULTS.md; the hand-written part below {@link #KEEP} survives a re-run. */
final class ResultsFile {

    static final String KEEP = "<!-- Written by hand after looking at the numbers; bench/console/run.sh keeps"
            + " everything below this line. -->";
    static final double TARGET_P99_MS = 100;
    static final double TARGET_TASK_MS = 50;
    static final int TARGET_BYTES = 150 * 1024;

    private final StringBuilder md = new StringBuilder();

    static void write(ConsoleBench.Settings settings, Instant started, String loadBefore, String loadAfter,
            String chromiumVersion, List<BoardRun.Result> runs, Profiling profiling, FirstLoad.GatewayLoad gateway)
            throws IOException {
        ResultsFile file = new ResultsFile();
        file.header(settings, started, loadBefore, loadAfter, chromiumVersion);
        file.board(settings, runs);
        file.firstLoad(runs.get(0), gateway);
        if (profiling != null) {
            file.attribution(settings, profiling);
        }
        file.longFrames(runs);
        String kept = "\n## What limits them\nNot written yet: read the numbers above and write it here.\n";
        if (Files.exists(settings.out())) {
            String old = Files.readString(settings.out());
            int at = old.indexOf(KEEP);
            if (at >= 0) {
                kept = old.substring(at + KEEP.length());
            }
        }
        file.md.append('\n').append(KEEP).append(kept.startsWith("\n") ? kept : "\n" + kept);
        Files.writeString(settings.out(), file.md.toString());
    }

    private void header(ConsoleBench.Settings settings, Instant started, String loadBefore, String loadAfter,
            String chromiumVersion) {
        line("# Web console benchmark results");
        line("");
        line("Produced by `bench/console/run.sh` on %s UTC, the console's files at %s. Method, variables and limits:",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(started),
                settings.consoleRevision());
        line("README.md. A re-run replaces everything above the hand-written part at the end.");
        line("");
        line("## Machine");
        line("- %d cores (%s), %s memory, %s %s", Runtime.getRuntime().availableProcessors(), cpuModel(), memory(),
                System.getProperty("os.name"), System.getProperty("os.version"));
        line("- %s %s (%s); Playwright for Java %s driving Chromium %s headless (`%s`), one tab, viewport 1440×900",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), settings.playwrightVersion(), chromiumVersion, settings.chromium());
        line("- the browser, Playwright's driver and this JVM share the cores with other sessions' work on the machine;");
        line("  load average before the runs: %s, after: %s; the bench's processes ran at niceness %s", loadBefore,
                loadAfter, System.getenv().getOrDefault("BENCH_NICE", "0"));
        line("");
    }

    private void board(ConsoleBench.Settings settings, List<BoardRun.Result> runs) {
        line("## Live board: %d open spot–futures signals, %d signal events/s, %d s measured after a %d s warm-up",
                settings.rows(), settings.rate(), settings.durationSeconds(), settings.warmupSeconds());
        line("Frame → paint: the console's `performance.measure(\"ct-paint-<seq>\", \"ct-frame-<seq>\")`, from the frame's");
        line("arrival to the animation frame after the render that shows it. Long tasks: the `longtask` entries (every");
        line("one is a task over 50 ms) that started in the measured window. The CPU throttle is Chromium's");
        line("(`Emulation.setCPUThrottlingRate`), set before the page loads.");
        line("");
        line("| CPU | p50 ms | p95 ms | p99 ms | max ms | p99 / target | frames measured / sent | long tasks | longest task ms"
                + " | long animation frames | rows on the board | first page shown after | longest task while loading |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (BoardRun.Result run : runs) {
            double[] paint = run.frameToPaint();
            line("| %s | %s | %s | %s | %s | **%s** | %d / %d | **%d** | %s | %d | %d | %s ms | %s ms (%d tasks) |",
                    label(run), ms(pct(paint, 50)), ms(pct(paint, 95)),
                    ms(pct(paint, 99)), ms(BoardRun.max(paint)),
                    paint.length == 0 ? "–" : ratio(pct(paint, 99) / TARGET_P99_MS), run.measured(),
                    run.signalFrames(), run.longTasks(), ms(run.longestTask()), run.longFrames().size(),
                    run.rowsLoaded(), ms(run.boardReadyMs()), ms(run.loadLongestTask()), run.loadLongTasks());
        }
        line("");
        BoardRun.Result first = runs.get(0);
        line("- Rows: the board's own count (`aria-rowcount` of its table, less the header; the DOM holds only the rows"
                + " in view when it virtualizes). It asked for %s; the bench pressed \"Load more\" %d times to bring %d"
                + " of the %d open signals onto the board before measuring.", first.apiCalls().stream()
                        .filter(c -> c.startsWith("GET /api/v1/signals/" + SignalFeed.KIND)).distinct()
                        .map(c -> "`" + c.substring(c.indexOf('?') + 1) + "`").collect(Collectors.joining(", ")),
                first.loadMoreClicks(), first.rowsLoaded(), settings.rows());
        for (BoardRun.Result run : runs) {
            BoardRun.Result one = runs.stream().filter(r -> r.throttle() == 1 && r.socket().equals(run.socket()))
                    .findFirst().orElse(null);
            if (one == null || run == one || one.frameToPaint().length == 0 || run.frameToPaint().length == 0) {
                continue;
            }
            BoardRun.Result base = one;
            line("- %s / 1×: p50 %s, p99 %s, longest task %s, board shown %s.", label(run),
                    ratio(pct(run.frameToPaint(), 50) / pct(base.frameToPaint(), 50)),
                    ratio(pct(run.frameToPaint(), 99) / pct(base.frameToPaint(), 99)),
                    base.longestTask() > 0 ? ratio(run.longestTask() / base.longestTask()) : "–",
                    ratio(run.boardReadyMs() / base.boardReadyMs()));
        }
        for (BoardRun.Result run : runs) {
            String label = label(run);
            double p99 = pct(run.frameToPaint(), 99);
            line("- %s: p99 ≤ %.0f ms %s; no task > %.0f ms %s.", label, TARGET_P99_MS,
                    run.frameToPaint().length == 0 ? "**not measured** (no ct-paint measures)"
                            : p99 <= TARGET_P99_MS ? "**met**" : "**missed**",
                    TARGET_TASK_MS, run.longTasks() == 0 ? "**met**" : "**missed** (" + run.longTasks() + ")");
        }
        line("");
        line("Where the main thread's time went in the measured window (Chromium's `Performance.getMetrics`, no tracing;");
        line("ms per second of the window; \"tasks\" is wall time of all main-thread tasks, \"CPU\" the thread's CPU time):");
        line("");
        line("| CPU | tasks | script | style | layout | other (paint, messages…) | main thread CPU | renderer process CPU"
                + " | layouts/s | style recalcs/s | load average at start → end |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (BoardRun.Result run : runs) {
            Map<String, Double> m = run.mainThreadPerSecond();
            double task = m.getOrDefault("TaskDuration", 0.0) * 1000;
            double script = m.getOrDefault("ScriptDuration", 0.0) * 1000;
            double style = m.getOrDefault("RecalcStyleDuration", 0.0) * 1000;
            double layout = m.getOrDefault("LayoutDuration", 0.0) * 1000;
            line("| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f | %s → %s |", label(run), task,
                    script, style, layout, task - script - style - layout,
                    m.getOrDefault("ThreadTime", 0.0) * 1000, m.getOrDefault("ProcessTime", 0.0) * 1000,
                    m.getOrDefault("LayoutCount", 0.0), m.getOrDefault("RecalcStyleCount", 0.0),
                    run.loadAtStart(), run.loadAtEnd());
        }
        line("");
        line("Per run (measured window):");
        for (BoardRun.Result run : runs) {
            line("- %s: sent %s signal frames (%s; %.1f/s achieved) and %d notification frames; sender late by at"
                    + " most %s ms%s;"
                    + " frame marks seen in all %d; sockets opened %d (refused %d), resumes %d; live status \"%s\"; at"
                    + " the end %d rows on the board (%d closed ones in the DOM), %d DOM elements, JS heap %.1f → %.1f"
                    + " MB.",
                    label(run), run.signalFrames(), events(run.sentByEvent()), run.achievedRate(),
                    run.notificationFrames(),
                    ms(run.senderLagMaxMs()), run.unsent() > 0 ? ", " + run.unsent() + " not sent (no socket)" : "",
                    run.frameMarks(), run.socketsOpened(), run.refusedSockets(), run.resumes(), run.liveStatus(),
                    run.rowsAtEnd(), run.closedRowsAtEnd(), run.domNodes(), run.heapStartMb(), run.heapEndMb());
            if (!run.pageErrors().isEmpty()) {
                line("  - page errors (%d): %s", run.pageErrors().size(), run.pageErrors().stream().distinct().limit(5)
                        .map(e -> "`" + e.replace('`', '\'').replace('\n', ' ') + "`")
                        .collect(Collectors.joining("; ")));
            }
            if (!run.unhandledApi().isEmpty()) {
                line("  - requests the fake suite does not answer (404): %s",
                        run.unhandledApi().stream().distinct().collect(Collectors.joining(", ")));
            }
            if (!run.unsupported().isEmpty()) {
                line("  - entry types this Chromium does not support: %s", String.join(", ", run.unsupported()));
            }
        }
        line("- API calls of the first run: %s", first.apiCalls().stream()
                .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                .map(e -> "`" + e.getKey() + "`" + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", ")));
        line("");
    }

    private void firstLoad(BoardRun.Result run, FirstLoad.GatewayLoad gateway) {
        List<FirstLoad.File> files = FirstLoad.files(run.firstLoad());
        List<FirstLoad.File> counted = files.stream().filter(f -> !FirstLoad.lazy(f.path())).toList();
        List<FirstLoad.File> lazyEarly = files.stream().filter(f -> FirstLoad.lazy(f.path())).toList();
        long raw = counted.stream().mapToLong(FirstLoad.File::raw).sum();
        long gzip = counted.stream().mapToLong(FirstLoad.File::gzip).sum();
        line("## First load");
        line("The files the page requested until the board showed its rows (1× run), each as the gateway's compression");
        line("sends it (`server.compression`: HTML, CSS and JavaScript of 512 bytes or more, gzip level 6; other files");
        line("raw); response headers not counted; API answers and uPlot (loaded when the drawer opens) not counted.");
        line("");
        line("| file | bytes | sent bytes |");
        line("|---|---|---|");
        for (FirstLoad.File file : counted) {
            line("| `%s`%s | %,d | %,d |", file.path(), file.type().startsWith("text/html") ? " (index.html)" : "",
                    file.raw(), file.gzip());
        }
        line("| **total, %d files** | %,d | **%,d** (%s of the %d KB target) |", counted.size(), raw, gzip,
                ratio((double) gzip / TARGET_BYTES), TARGET_BYTES / 1024);
        line("");
        if (!lazyEarly.isEmpty()) {
            line("- loaded before the board showed although meant to be lazy (not in the total): %s",
                    lazyEarly.stream().map(f -> "`" + f.path() + "` " + String.format("%,d", f.gzip()) + " gzip bytes")
                            .collect(Collectors.joining(", ")));
        }
        List<FirstLoad.File> later = FirstLoad.files(run.later());
        if (!later.isEmpty()) {
            line("- loaded later during the live run: %s", later.stream()
                    .map(f -> "`" + f.path() + "` " + String.format("%,d", f.gzip()) + " gzip bytes")
                    .collect(Collectors.joining(", ")));
        }
        if (gateway.files().isEmpty()) {
            line("- a running gateway: not measured (%s).", gateway.skipped());
        }
        else {
            long transfer = gateway.files().stream().mapToLong(FirstLoad.Transfer::transfer).sum();
            long decoded = gateway.files().stream().mapToLong(FirstLoad.Transfer::decoded).sum();
            line("");
            line("The same cold load from the gateway at %s (its own build of the console and its compression; only the",
                    gateway.url());
            line("API and the socket faked), from Resource Timing (bytes on the wire include the response headers)%s:",
                    gateway.skipped() == null ? "" : "; " + gateway.skipped());
            line("");
            line("| file | on the wire | body | decoded | content-encoding |");
            line("|---|---|---|---|---|");
            for (FirstLoad.Transfer file : gateway.files()) {
                line("| `%s` | %,d | %,d | %,d | %s |", file.path(), file.transfer(), file.encoded(), file.decoded(),
                        file.encoding());
            }
            line("| **total, %d files** | **%,d** (%s of the target) | | %,d | |", gateway.files().size(), transfer,
                    ratio((double) transfer / TARGET_BYTES), decoded);
            if (!gateway.lazy().isEmpty()) {
                line("- lazy files it loaded too (not in the total): %s", gateway.lazy().stream()
                        .map(f -> "`" + f.path() + "`").collect(Collectors.joining(", ")));
            }
        }
        line("");
    }

    private void attribution(ConsoleBench.Settings settings, Profiling profiling) {
        line("## Where the main thread's time goes (attribution pass)");
        line("A separate %.0f s run at 1× CPU with the same load, traced (`devtools.timeline`) and sampled (200 µs):",
                profiling.seconds());
        line("tracing costs time itself, so these are shares, not the measured numbers. The renderer's main thread was");
        line("busy %s of the pass, on a core %s of it (the rest its tasks waited for one). Files:",
                percent(profiling.busyShare()), percent(profiling.busyCpuShare()));
        line("`bench/console/target/work/board.trace.json` and `board.cpuprofile` (open them in DevTools).");
        line("");
        line("| main thread, by kind of work (self time) | ms | ms per second |");
        line("|---|---|---|");
        for (Map.Entry<String, Double> entry : profiling.mainThreadByKind()) {
            line("| %s | %.0f | %.1f |", entry.getKey(), entry.getValue(), entry.getValue() / profiling.seconds());
        }
        line("");
        line("| main thread, by trace event (self time) | ms | ms per second |");
        line("|---|---|---|");
        for (Map.Entry<String, Double> entry : profiling.mainThread()) {
            line("| `%s` | %.0f | %.1f |", entry.getKey(), entry.getValue(), entry.getValue() / profiling.seconds());
        }
        line("");
        line("Sampled non-idle time: %.0f ms, of it %s outside JavaScript (\"(program)\": style, layout, paint, messages)"
                + " and %s garbage collection; the functions:", profiling.scriptSampledMs(),
                percent(profiling.programMs() / Math.max(1, profiling.scriptSampledMs())),
                percent(profiling.garbageMs() / Math.max(1, profiling.scriptSampledMs())));
        line("");
        line("| JavaScript, by function (self time, sampled) | ms | share of sampled non-idle time |");
        line("|---|---|---|");
        for (Map.Entry<String, Double> entry : profiling.functions()) {
            line("| `%s` | %.0f | %s |", entry.getKey().replace('|', '/'), entry.getValue(),
                    percent(entry.getValue() / Math.max(1, profiling.scriptSampledMs())));
        }
        line("");
    }

    private void longFrames(List<BoardRun.Result> runs) {
        for (BoardRun.Result run : runs) {
            if (run.longFrames().isEmpty()) {
                continue;
            }
            Map<String, double[]> scripts = new HashMap<>();
            double styleAndLayout = 0;
            double total = 0;
            for (JsonObject frame : run.longFrames()) {
                total += frame.get("duration").getAsDouble();
                styleAndLayout += frame.get("styleAndLayout").getAsDouble();
                for (JsonElement element : frame.getAsJsonArray("scripts")) {
                    JsonObject script = element.getAsJsonObject();
                    String function = script.get("fn").getAsString();
                    String key = script.get("invoker").getAsString() + " → "
                            + (function.isEmpty() ? "(anonymous)" : function) + " "
                            + shortSource(script.get("source").getAsString());
                    double[] sums = scripts.computeIfAbsent(key, k -> new double[3]);
                    sums[0] += script.get("duration").getAsDouble();
                    sums[1] += script.get("layout").getAsDouble();
                    sums[2]++;
                }
            }
            line("## Long animation frames at %s (over 50 ms, measured window)", label(run));
            line("%d frames, %.0f ms in all, %.0f ms of it style and layout at the frame's end. The scripts in them:",
                    run.longFrames().size(), total, styleAndLayout);
            line("");
            line("| invoker → function, source | count | script ms | forced style/layout ms |");
            line("|---|---|---|---|");
            scripts.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(10)
                    .forEach(e -> line("| `%s` | %.0f | %.0f | %.0f |", e.getKey().replace('|', '/'), e.getValue()[2],
                            e.getValue()[0], e.getValue()[1]));
            line("");
        }
    }

    static String label(BoardRun.Result run) {
        return (run.throttle() == 1 ? "1×" : run.throttle() + "× slower") + ", "
                + ("loopback".equals(run.socket()) ? "loopback socket" : "routeWebSocket");
    }

    private static String shortSource(String source) {
        int at = source.indexOf("/", source.indexOf("//") + 2);
        return source.isEmpty() ? "" : at > 0 ? source.substring(at) : source;
    }

    private static String events(Map<String, Integer> byEvent) {
        return byEvent.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Paths.get("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").findFirst()
                    .orElse("unknown");
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        md.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
