import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * The attribution pass (not the measured runs: tracing and sampling cost time themselves): a Chromium trace of the
 * renderer's main thread, summed by event (self time: script, style, layout, paint…), and a JavaScript CPU profile
 * summed by function. Both files are kept in the work directory for DevTools.
 */
final class Profiling {

    /** PROFILE_CATEGORIES replaces them, e.g. adding disabled-by-default-devtools.timeline.invalidationTracking. */
    private static final List<String> CATEGORIES = List.of(System.getenv().getOrDefault("PROFILE_CATEGORIES",
            "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute,blink.user_timing").split(","));

    private final Browser browser;
    private final Path work;
    private final String origin;
    private long startedNanos;
    private double seconds;
    private List<Map.Entry<String, Double>> mainThread = List.of();
    private List<Map.Entry<String, Double>> mainThreadByKind = List.of();
    private double busyShare;
    private double busyCpuShare;
    private List<Map.Entry<String, Double>> functions = List.of();
    private double scriptSampledMs;
    private double programMs;
    private double garbageMs;

    Profiling(Browser browser, Path work, String origin) {
        this.browser = browser;
        this.work = work;
        this.origin = origin;
    }

    void start(Page page, CDPSession cdp) {
        browser.startTracing(page, new Browser.StartTracingOptions().setCategories(CATEGORIES));
        JsonObject interval = new JsonObject();
        interval.addProperty("interval", 200);
        cdp.send("Profiler.enable");
        cdp.send("Profiler.setSamplingInterval", interval);
        cdp.send("Profiler.start");
        startedNanos = System.nanoTime();
    }

    void stop(Page page, CDPSession cdp) {
        JsonObject profile = cdp.send("Profiler.stop").getAsJsonObject("profile");
        byte[] trace = browser.stopTracing();
        seconds = (System.nanoTime() - startedNanos) / 1e9;
        try {
            Files.createDirectories(work);
            Files.write(work.resolve("board.trace.json"), trace);
            Files.writeString(work.resolve("board.cpuprofile"), profile.toString());
        }
        catch (java.io.IOException ex) {
            BoardRun.log("could not keep the trace files: %s", ex);
        }
        summarizeTrace(JsonParser.parseString(new String(trace, StandardCharsets.UTF_8)).getAsJsonObject());
        summarizeProfile(profile);
    }

    double seconds() {
        return seconds;
    }

    /** Main-thread self time by trace event name, ms, largest first. */
    List<Map.Entry<String, Double>> mainThread() {
        return mainThread;
    }

    /** Main-thread self time by kind of work (script, style, layout, paint…), ms, largest first. */
    List<Map.Entry<String, Double>> mainThreadByKind() {
        return mainThreadByKind;
    }

    /** Share of the pass the renderer's main thread was running a task. */
    double busyShare() {
        return busyShare;
    }

    /** Share of the pass the main thread's tasks had a core (their thread time); the rest of busy is waiting. */
    double busyCpuShare() {
        return busyCpuShare;
    }

    /** JavaScript self time by function, ms, largest first (idle left out). */
    List<Map.Entry<String, Double>> functions() {
        return functions;
    }

    /** All sampled non-idle time, ms: JavaScript, the engine's native work ("(program)") and GC. */
    double scriptSampledMs() {
        return scriptSampledMs;
    }

    /** Sampled time outside JavaScript ("(program)": style, layout, paint, IPC), ms. */
    double programMs() {
        return programMs;
    }

    double garbageMs() {
        return garbageMs;
    }

    private void summarizeTrace(JsonObject trace) {
        JsonArray events = trace.getAsJsonArray("traceEvents");
        Map<String, String> threadNames = new HashMap<>();
        Map<String, Double> totals = new HashMap<>();
        for (JsonElement element : events) {
            JsonObject event = element.getAsJsonObject();
            String thread = event.get("pid").getAsString() + "/" + event.get("tid").getAsString();
            String ph = event.get("ph").getAsString();
            if ("M".equals(ph) && "thread_name".equals(event.get("name").getAsString())) {
                threadNames.put(thread, event.getAsJsonObject("args").get("name").getAsString());
            }
            else if ("X".equals(ph) && event.has("dur")) {
                totals.merge(thread, event.get("dur").getAsDouble(), Double::sum);
            }
        }
        String main = totals.entrySet().stream().filter(e -> "CrRendererMain".equals(threadNames.get(e.getKey())))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (main == null) {
            return;
        }
        List<JsonObject> slices = new ArrayList<>();
        for (JsonElement element : events) {
            JsonObject event = element.getAsJsonObject();
            if ("X".equals(event.get("ph").getAsString()) && event.has("dur")
                    && main.equals(event.get("pid").getAsString() + "/" + event.get("tid").getAsString())) {
                slices.add(event);
            }
        }
        slices.sort(Comparator.<JsonObject>comparingDouble(e -> e.get("ts").getAsDouble())
                .thenComparing(Comparator.<JsonObject>comparingDouble(e -> e.get("dur").getAsDouble()).reversed()));
        Map<String, Double> self = new HashMap<>();
        Deque<double[]> open = new ArrayDeque<>();
        Deque<String> openNames = new ArrayDeque<>();
        double busy = 0;
        double busyCpu = 0;
        double first = Double.MAX_VALUE;
        double last = 0;
        for (JsonObject slice : slices) {
            double ts = slice.get("ts").getAsDouble();
            double dur = slice.get("dur").getAsDouble();
            first = Math.min(first, ts);
            last = Math.max(last, ts + dur);
            while (!open.isEmpty() && open.peek()[0] <= ts) {
                open.pop();
                openNames.pop();
            }
            String name = slice.get("name").getAsString();
            if (open.isEmpty()) {
                busy += dur;
                busyCpu += slice.has("tdur") ? slice.get("tdur").getAsDouble() : 0;
            }
            else {
                self.merge(openNames.peek(), -dur / 1000, Double::sum);
            }
            self.merge(name, dur / 1000, Double::sum);
            open.push(new double[] {ts + dur});
            openNames.push(name);
        }
        busyShare = last > first ? busy / (last - first) : 0;
        busyCpuShare = last > first ? busyCpu / (last - first) : 0;
        mainThread = top(self, 14);
        Map<String, Double> byKind = new HashMap<>();
        self.forEach((name, ms) -> byKind.merge(kind(name), ms, Double::sum));
        mainThreadByKind = top(byKind, 10);
    }

    private void summarizeProfile(JsonObject profile) {
        Map<Integer, String> names = new HashMap<>();
        for (JsonElement element : profile.getAsJsonArray("nodes")) {
            JsonObject node = element.getAsJsonObject();
            JsonObject frame = node.getAsJsonObject("callFrame");
            String url = frame.get("url").getAsString();
            String function = frame.get("functionName").getAsString();
            String where = url.isEmpty() ? "" : " " + shortUrl(url) + ":" + (frame.get("lineNumber").getAsInt() + 1);
            names.put(node.get("id").getAsInt(), (function.isEmpty() ? "(anonymous)" : function) + where);
        }
        JsonArray samples = profile.getAsJsonArray("samples");
        JsonArray deltas = profile.getAsJsonArray("timeDeltas");
        Map<String, Double> self = new HashMap<>();
        for (int i = 0; i + 1 < samples.size(); i++) {
            String name = names.get(samples.get(i).getAsInt());
            self.merge(name, deltas.get(i + 1).getAsDouble() / 1000, Double::sum);
        }
        self.remove("(idle)");
        scriptSampledMs = self.values().stream().mapToDouble(Double::doubleValue).sum();
        programMs = self.getOrDefault("(program)", 0.0);
        garbageMs = self.getOrDefault("(garbage collector)", 0.0);
        self.remove("(program)");
        self.remove("(garbage collector)");
        self.remove("(root)");
        functions = top(self, 15);
    }

    /** The kind of work a trace event's self time is, as DevTools' summary groups it. */
    static String kind(String name) {
        if (name.contains("GC")) {
            return "garbage collection";
        }
        if (name.startsWith("v8.") || name.startsWith("V8.") || List.of("FunctionCall", "EvaluateScript",
                "RunMicrotasks", "TimerFire", "FireAnimationFrame", "EventDispatch", "FireIdleCallback",
                "CompileScript", "CompileCode", "ParseHTML").contains(name)) {
            return "script";
        }
        if (List.of("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "ScheduleStyleRecalculation")
                .contains(name)) {
            return "style";
        }
        if (List.of("Layout", "UpdateLayout", "HitTest", "IntersectionObserverController::computeIntersections")
                .contains(name)) {
            return "layout";
        }
        if (List.of("Paint", "PrePaint", "Layerize", "Commit", "CompositeLayers", "UpdateLayer", "PaintImage",
                "UpdateLayerTree").contains(name)) {
            return "paint and composite";
        }
        return "other (task overhead, IPC, Playwright's messages)";
    }

    private String shortUrl(String url) {
        String path = url.startsWith(origin) ? url.substring(origin.length()) : url;
        return path.length() > 70 ? "…" + path.substring(path.length() - 69) : path;
    }

    private static List<Map.Entry<String, Double>> top(Map<String, Double> totals, int count) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        totals.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new ArrayList<>(sorted.entrySet());
    }
}
