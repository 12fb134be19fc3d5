// Failure drills against the local suite (deploy/local/run.sh started by bench/drills/start-suite.sh).
// Single-file program, JDK only (java.net.http HttpClient and WebSocket): java bench/drills/Drill.java a|b|c|d|e ...
// Everything goes to 127.0.0.1; every loop is bounded in count and time. See bench/drills/README.md.

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Drill {

    static final String GATEWAY = env("DRILL_GATEWAY", "http://127.0.0.1:8080");
    static final String CONTROL = env("DRILL_CONTROL", "http://127.0.0.1:" + env("LAUNCHER_CONTROL_PORT", "8099"));
    /** The gateway serves its metrics on its management port only (GATEWAY_MANAGEMENT_PORT), never on 8080. */
    static final int GATEWAY_MANAGEMENT_PORT = Integer.parseInt(env("GATEWAY_MANAGEMENT_PORT", "8090"));
    static final String SECRET = env("TELEGRAM_WEBHOOK_SECRET", "local-secret");
    static final String ADMIN_EMAIL = env("CRYPTOTRACKER_ADMIN_EMAIL", "drills@example.com");
    static final String ADMIN_PASSWORD = env("CRYPTOTRACKER_ADMIN_PASSWORD", "quiet orbit lantern 2026");
    static final Path OUT = Path.of(env("DRILL_OUT", "bench/drills/target"));
    static final Map<String, Integer> DB_SERVICES = new LinkedHashMap<>();
    static {
        DB_SERVICES.put("auth-service", 8081);
        DB_SERVICES.put("user-service", 8082);
        DB_SERVICES.put("market-service", 8083);
        DB_SERVICES.put("signals-service", 8084);
        DB_SERVICES.put("notification-service", 8085);
    }
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final long T0 = System.nanoTime();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/drills/Drill.java a|b|c|d|e|all ...");
            System.exit(2);
        }
        List<String> drills = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("all")) {
                drills.addAll(List.of("c", "d", "e", "a", "b"));
            }
            else {
                drills.add(arg);
            }
        }
        Files.createDirectories(OUT);
        Session vip = Session.vip();
        int failed = 0;
        for (String drill : drills) {
            awaitSuiteHealthy(Duration.ofSeconds(600));
            log("=== drill " + drill + " ===");
            Result result = switch (drill) {
                case "a" -> drillA(vip);
                case "b" -> drillB(vip);
                case "c" -> drillC(vip);
                case "d" -> drillD(vip);
                case "e" -> drillE(vip);
                default -> throw new IllegalArgumentException("unknown drill " + drill);
            };
            String text = result.markdown();
            System.out.println(text);
            Files.writeString(OUT.resolve("result-" + drill + ".md"), text, StandardCharsets.UTF_8);
            if (!result.passed) {
                failed++;
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // (a) kill -9 signals-service while Telegram posts keep arriving and are retried like Telegram retries
    static Result drillA(Session vip) throws Exception {
        Result r = new Result("a", "kill -9 signals-service while Telegram posts keep arriving");
        VipSocket socket = VipSocket.open(vip, true);
        TelegramFeed feed = new TelegramFeed("A", intEnv("DRILL_POSTS", 80), 2.0, Duration.ofSeconds(intEnv("DRILL_FEED_LIMIT_SECONDS", 600)));
        Thread sender = feed.start();
        sleep(10_000);
        long pid = servicePid("signals-service");
        long killedAt = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);   // SIGKILL, i.e. kill -9
        log("killed signals-service pid " + pid + " (SIGKILL)");
        sleep(2_000);
        String restart = control("POST", "/services/signals-service/start");
        long healthyAt = System.nanoTime();
        log(restart.trim());
        sender.join();
        feed.outcome(r);
        Map<String, List<Frame>> created = socket.awaitCreated(feed.acceptedSymbols(), Duration.ofSeconds(180));
        socket.close();
        deliveryFigures(r, feed, created, socket);
        r.figure("signals-service killed → healthy again (control restart, CPU-bound start)",
                seconds(healthyAt - killedAt));
        r.figure("kill → first accepted post after the kill", feed.recoveredAfter(killedAt));
        r.figure("webhook answers by status", feed.statuses.toString());
        r.figure("connection failures / timeouts (retried)", feed.connectionFailures.get() + " / " + feed.timeouts.get());
        r.passed = r.lost == 0 && r.duplicated == 0 && feed.notAccepted() == 0;
        return r;
    }

    // (b) kill -9 notification-service while a VIP client is connected; the client reconnects with resume
    static Result drillB(Session vip) throws Exception {
        Result r = new Result("b", "kill -9 notification-service while a VIP client is connected; resume from last seq");
        VipSocket socket = VipSocket.open(vip, true);
        TelegramFeed feed = new TelegramFeed("B", intEnv("DRILL_POSTS", 80), 2.0, Duration.ofSeconds(intEnv("DRILL_FEED_LIMIT_SECONDS", 600)));
        Thread sender = feed.start();
        sleep(10_000);
        long pid = servicePid("notification-service");
        long killedAt = System.nanoTime();
        long seqBefore = socket.lastSeq;
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        log("killed notification-service pid " + pid + " (SIGKILL); client's last seq " + seqBefore);
        sleep(2_000);
        String restart = control("POST", "/services/notification-service/start");
        long healthyAt = System.nanoTime();
        log(restart.trim());
        sender.join();
        feed.outcome(r);
        Map<String, List<Frame>> created = socket.awaitCreated(feed.acceptedSymbols(), Duration.ofSeconds(180));
        socket.close();
        deliveryFigures(r, feed, created, socket);
        r.figure("notification-service killed → healthy again", seconds(healthyAt - killedAt));
        long firstFrame = socket.frames.stream().mapToLong(f -> f.at).filter(at -> at > healthyAt).min().orElse(-1);
        r.figure("kill → first signal frame on the socket after the restart",
                firstFrame < 0 ? "never" : seconds(firstFrame - killedAt));
        r.figure("kill → first handshake the gateway accepted (then closed 1002 while the service was down)",
                socket.firstOpenAfter(killedAt) < 0 ? "never" : seconds(socket.firstOpenAfter(killedAt) - killedAt));
        r.figure("client: connections opened / resume frames sent", socket.opens.get() + " / " + socket.resumes.get());
        r.figure("client: close codes seen", socket.closeCodes.toString());
        r.figure("client: `resume_gap` errors / other error frames", socket.resumeGaps.get() + " / " + socket.otherErrors);
        r.passed = r.lost == 0 && r.duplicated == 0 && r.outOfOrder == 0 && feed.notAccepted() == 0;
        return r;
    }

    // (c) Redis stopped and started under gateway load
    static Result drillC(Session vip) throws Exception {
        Result r = new Result("c", "Redis stopped and started under gateway load");
        int threads = intEnv("DRILL_LOAD_THREADS", 4);
        long runNanos = Duration.ofSeconds(50).toNanos();
        Map<String, Map<Integer, AtomicInteger>> byPhase = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger fiveXx = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong lastFiveXx = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>("before");
        List<Long> latDown = Collections.synchronizedList(new ArrayList<>());
        List<Long> latUp = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread worker = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() - start < runNanos) {
                    boolean authed = (i++ + n) % 2 == 0;
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + (authed
                                    ? "/api/v1/users/me" : "/api/v1/market/cryptocurrencies?page=0&size=5")))
                            .timeout(Duration.ofSeconds(10)).GET();
                    if (authed) {
                        request.header("Authorization", "Bearer " + vip.access());
                    }
                    String p = phase.get();
                    long began = System.nanoTime();
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - began;
                        (p.equals("redis down") ? latDown : latUp).add(took);
                        byPhase.computeIfAbsent(p, k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() >= 500) {
                            fiveXx.incrementAndGet();
                            lastFiveXx.set(System.nanoTime());
                        }
                    }
                    catch (IOException ex) {
                        errors.incrementAndGet();
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                    sleep(40);
                }
            }, "load-" + t);
            worker.start();
            workers.add(worker);
        }
        double fallbackBefore = gatewayFallbacks();
        sleep(12_000);
        phase.set("redis down");
        long stoppedAt = System.nanoTime();
        log(control("POST", "/redis/stop").trim());
        sleep(15_000);
        double fallbackDuring = gatewayFallbacks();
        log(control("POST", "/redis/start").trim());
        long startedAt = System.nanoTime();
        phase.set("after");
        // the gateway retries Redis every redis-retry-interval (5 s): watch its fallback counter settle
        double fallbackAtStart = gatewayFallbacks();
        long settledAt = -1;
        double previous = fallbackAtStart;
        while (System.nanoTime() - start < runNanos) {
            sleep(1_000);
            double now = gatewayFallbacks();
            if (now == previous && settledAt < 0) {
                settledAt = System.nanoTime();
            }
            else if (now != previous) {
                settledAt = -1;
            }
            previous = now;
        }
        for (Thread worker : workers) {
            worker.join();
        }
        r.figure("requests sent (4 threads, ~40 ms apart, half anonymous market list, half VIP /users/me)",
                String.valueOf(sent.get()));
        for (String p : List.of("before", "redis down", "after")) {
            r.figure("answers " + p, String.valueOf(new TreeMap<>(byPhase.getOrDefault(p, Map.of()))));
        }
        r.fiveXx = fiveXx.get();
        r.figure("5xx answers", String.valueOf(fiveXx.get()));
        r.figure("connection errors / timeouts", String.valueOf(errors.get()));
        r.figure("latency p50 / p99 while Redis was down", percentile(latDown, 50) + " / " + percentile(latDown, 99));
        r.figure("latency p50 / p99 with Redis up", percentile(latUp, 50) + " / " + percentile(latUp, 99));
        r.figure("Redis down for", seconds(startedAt - stoppedAt));
        r.figure("gateway_ratelimit_fallback_total: before / at Redis start / end",
                fmt(fallbackBefore) + " / " + fmt(fallbackAtStart) + " / " + fmt(previous) + " (during: " + fmt(fallbackDuring) + ")");
        r.figure("Redis start → gateway back on Redis (fallback counter stops growing)",
                settledAt < 0 ? "not within the run" : seconds(Math.max(0, settledAt - startedAt - 1_000_000_000L)) + " (±1 s)");
        r.passed = fiveXx.get() == 0 && errors.get() == 0;
        return r;
    }

    // (d) PostgreSQL stopped and started
    static Result drillD(Session vip) throws Exception {
        Result r = new Result("d", "PostgreSQL stopped and started (services keep running)");
        Map<String, Long> pidsBefore = servicePids();
        VipSocket socket = VipSocket.open(vip, true);
        TelegramFeed feed = new TelegramFeed("D", intEnv("DRILL_POSTS", 60), 1.0, Duration.ofSeconds(intEnv("DRILL_FEED_LIMIT_SECONDS", 600)));
        Thread sender = feed.start();
        sleep(10_000);
        log(control("POST", "/postgres/stop").trim());
        long stoppedAt = System.nanoTime();
        Map<String, Long> firstDown = new HashMap<>();
        Map<String, Long> upAgain = new HashMap<>();
        long downUntil = stoppedAt + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < downUntil) {
            for (var service : DB_SERVICES.entrySet()) {
                if (!healthy(service.getValue())) {
                    firstDown.putIfAbsent(service.getKey(), System.nanoTime());
                }
            }
            sleep(1_000);
        }
        log(control("POST", "/postgres/start").trim());
        long startedAt = System.nanoTime();
        long deadline = startedAt + Duration.ofSeconds(300).toNanos();
        while (upAgain.size() < DB_SERVICES.size() && System.nanoTime() < deadline) {
            for (var service : DB_SERVICES.entrySet()) {
                if (!upAgain.containsKey(service.getKey()) && healthy(service.getValue())) {
                    upAgain.put(service.getKey(), System.nanoTime());
                }
            }
            sleep(500);
        }
        sender.join();
        feed.outcome(r);
        Map<String, List<Frame>> created = socket.awaitCreated(feed.acceptedSymbols(), Duration.ofSeconds(180));
        socket.close();
        deliveryFigures(r, feed, created, socket);
        double pending = outboxPending();
        long outboxDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pending > 0 && System.nanoTime() < outboxDeadline) {
            sleep(1_000);
            pending = outboxPending();
        }
        Map<String, Long> pidsAfter = servicePids();
        r.figure("PostgreSQL down for", seconds(startedAt - stoppedAt));
        StringBuilder health = new StringBuilder();
        for (String service : DB_SERVICES.keySet()) {
            health.append(service).append(": ")
                    .append(firstDown.containsKey(service) ? "DOWN " + seconds(firstDown.get(service) - stoppedAt) + " after stop" : "stayed UP")
                    .append(", UP ").append(upAgain.containsKey(service) ? seconds(upAgain.get(service) - startedAt) + " after start" : "NOT within 300 s")
                    .append("; ");
        }
        r.figure("health per service", health.toString());
        long worst = upAgain.values().stream().mapToLong(at -> at - startedAt).max().orElse(-1);
        r.figure("PostgreSQL start → every service healthy", upAgain.size() == DB_SERVICES.size() ? seconds(worst) : "not all");
        r.figure("service JVMs restarted", pidsBefore.equals(pidsAfter) ? "none (same pids)" : "pids changed: " + pidsBefore + " → " + pidsAfter);
        r.figure("PostgreSQL start → first accepted post", feed.recoveredAfter(startedAt));
        r.figure("webhook answers by status", feed.statuses.toString());
        r.figure("outbox pending (all services) at the end", fmt(pending));
        r.figure("webhook connection failures / timeouts (10 s, retried)", feed.connectionFailures.get() + " / " + feed.timeouts.get());
        r.passed = r.lost == 0 && r.duplicated == 0 && upAgain.size() == DB_SERVICES.size() && pending == 0
                && pidsBefore.equals(pidsAfter) && feed.notAccepted() == 0;
        return r;
    }

    // (e) the Kafka broker restarted
    static Result drillE(Session vip) throws Exception {
        Result r = new Result("e", "Kafka broker stopped and started (same port, same log directories)");
        VipSocket socket = VipSocket.open(vip, true);
        TelegramFeed feed = new TelegramFeed("E", intEnv("DRILL_POSTS", 60), 1.0, Duration.ofSeconds(intEnv("DRILL_FEED_LIMIT_SECONDS", 600)));
        Thread sender = feed.start();
        sleep(10_000);
        log(control("POST", "/kafka/stop").trim());
        long stoppedAt = System.nanoTime();
        int framesAtStop = socket.frames.size();
        sleep(15_000);
        double pendingWhileDown = outboxPending();
        log(control("POST", "/kafka/start").trim());
        long startedAt = System.nanoTime();
        sender.join();
        feed.outcome(r);
        Map<String, List<Frame>> created = socket.awaitCreated(feed.acceptedSymbols(), Duration.ofSeconds(120));
        socket.close();
        deliveryFigures(r, feed, created, socket);
        double pending = outboxPending();
        long outboxDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pending > 0 && System.nanoTime() < outboxDeadline) {
            sleep(1_000);
            pending = outboxPending();
        }
        long firstFrameAfter = socket.frames.stream().skip(framesAtStop).mapToLong(f -> f.at)
                .filter(at -> at > startedAt).min().orElse(-1);
        r.figure("broker down for (stop → start answered)", seconds(startedAt - stoppedAt));
        r.figure("outbox pending while the broker was down / at the end", fmt(pendingWhileDown) + " / " + fmt(pending));
        r.figure("broker started → first signal frame on the socket", firstFrameAfter < 0 ? "none" : seconds(firstFrameAfter - startedAt));
        r.figure("webhook answers by status", feed.statuses.toString());
        r.figure("webhook connection failures / timeouts (10 s, retried)", feed.connectionFailures.get() + " / " + feed.timeouts.get());
        r.passed = r.lost == 0 && r.duplicated == 0 && pending == 0 && feed.notAccepted() == 0;
        return r;
    }

    /** sent / accepted / delivered / duplicated / lost, and seq order, from the created frames per post symbol. */
    static void deliveryFigures(Result r, TelegramFeed feed, Map<String, List<Frame>> created, VipSocket socket) {
        int delivered = 0;
        int duplicated = 0;
        int lost = 0;
        List<String> lostSymbols = new ArrayList<>();
        for (String symbol : feed.acceptedSymbols()) {
            List<Frame> frames = created.getOrDefault(symbol, List.of());
            if (frames.isEmpty()) {
                lost++;
                lostSymbols.add(symbol);
            }
            else {
                delivered++;
                if (frames.size() > 1) {
                    duplicated++;
                }
            }
        }
        Set<String> expectedIds = feed.acceptedSignalIds();
        Set<String> seenIds = new HashSet<>();
        created.values().forEach(frames -> frames.forEach(frame -> seenIds.add(frame.id)));
        int idMismatch = 0;
        for (String id : expectedIds) {
            if (!seenIds.contains(id)) {
                idMismatch++;
            }
        }
        try {
            StringBuilder dump = new StringBuilder();
            for (Frame frame : socket.frames) {
                dump.append(String.format(Locale.ROOT, "%.3f conn=%d seq=%d %s %s %s%n", (frame.at - T0) / 1e9,
                        frame.connection, frame.seq, frame.event, frame.id, frame.symbol));
            }
            Files.writeString(OUT.resolve("frames-" + r.drill + ".log"), dump.toString());
        }
        catch (IOException ex) {
            log("could not write the frame dump: " + ex);
        }
        r.delivered = delivered;
        r.duplicated = duplicated;
        r.lost = lost;
        r.outOfOrder = socket.outOfOrder.get();
        r.figure("posts sent (distinct update_id) / HTTP attempts", feed.posts.size() + " / " + feed.attempts.get());
        r.figure("posts accepted (2xx with signal ids)", String.valueOf(feed.acceptedSymbols().size()));
        r.figure("posts never accepted within the feed's time limit", String.valueOf(feed.notAccepted()));
        r.figure("accepted posts with exactly one or more `created` frame (delivered)", String.valueOf(delivered));
        r.figure("accepted posts with more than one `created` frame (duplicated)", String.valueOf(duplicated));
        r.figure("accepted posts without a `created` frame (lost)", lost + (lostSymbols.isEmpty() ? "" : " " + abbreviate(lostSymbols)));
        if (!lostSymbols.isEmpty()) {
            List<String> when = new ArrayList<>();
            for (Post post : feed.posts) {
                if (lostSymbols.contains(post.symbol)) {
                    when.add(post.symbol + " " + post.signalIds + " accepted at " + seconds(post.acceptedAt - T0));
                }
            }
            r.figure("lost posts: signal id and when accepted (drill clock, as in the log)", abbreviate(when));
        }
        r.figure("accepted signal ids never seen in a `created` frame", String.valueOf(idMismatch));
        r.figure("signal frames received (all signals, all events)", String.valueOf(socket.frames.size()));
        r.figure("repeated (id, seq) frames", String.valueOf(socket.repeats.get()));
        r.figure("frames with a seq lower than one already received (order broken)", String.valueOf(socket.outOfOrder.get()));
    }

    // ---------------------------------------------------------------------------------------------------------
    /** Telegram-like delivery: updates in update_id order, each retried (1 s apart) until it gets a 2xx. */
    static final class TelegramFeed {

        final List<Post> posts = new ArrayList<>();
        final double perSecond;
        final Duration limit;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger connectionFailures = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<long[]> accepts = new CopyOnWriteArrayList<>();   // [time]

        TelegramFeed(String drill, int count, double perSecond, Duration limit) {
            this.perSecond = perSecond;
            this.limit = limit;
            long run = Instant.now().getEpochSecond();
            String runLetters = letters(run % (26L * 26 * 26), 3);
            long base = (run % 1_000_000L) * 1000;
            for (int i = 0; i < count; i++) {
                String symbol = "Q" + drill + runLetters + letters(i, 3);
                posts.add(new Post(base + i, base + i, symbol));
            }
        }

        Thread start() {
            log("feed: " + posts.size() + " posts at " + perSecond + "/s, first " + posts.get(0).symbol);
            Thread thread = new Thread(this::run, "telegram-feed");
            thread.start();
            return thread;
        }

        private void run() {
            long began = System.nanoTime();
            long end = began + limit.toNanos();
            for (int i = 0; i < posts.size(); i++) {
                long due = began + (long) (i * 1e9 / perSecond);
                while (System.nanoTime() < due) {
                    sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
                Post post = posts.get(i);
                while (!post.accepted && System.nanoTime() < end) {
                    if (!deliver(post)) {
                        sleep(1_000);
                    }
                }
            }
        }

        private boolean deliver(Post post) {
            String body = "{\"update_id\":" + post.updateId + ",\"channel_post\":{\"message_id\":" + post.messageId
                    + ",\"chat\":{\"id\":-1009990001,\"title\":\"Drill\"},\"date\":" + Instant.now().getEpochSecond()
                    + ",\"text\":\"\\uD83D\\uDD14 Spread Alert for " + post.symbol
                    + "USDT:\\nSpot: 0.1234\\nFutures: 0.1301\\n\\uD83D\\uDCA5 Spread: 5.43%\"}}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/telegram/webhook"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            attempts.incrementAndGet();
            post.attempts++;
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() / 100 == 2) {
                    List<String> ids = strings(response.body(), "signal_ids");
                    post.signalIds = ids;
                    post.acceptedAt = System.nanoTime();
                    post.accepted = true;
                    accepts.add(new long[] {System.nanoTime()});
                    if (ids.size() != 1) {
                        log("post " + post.symbol + " accepted with " + ids.size() + " signal ids: " + response.body());
                    }
                    return true;
                }
                return false;
            }
            catch (HttpTimeoutException ex) {
                timeouts.incrementAndGet();
                return false;
            }
            catch (IOException ex) {
                connectionFailures.incrementAndGet();
                return false;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        Set<String> acceptedSymbols() {
            Set<String> symbols = new java.util.LinkedHashSet<>();
            posts.stream().filter(post -> post.accepted).forEach(post -> symbols.add(post.symbol));
            return symbols;
        }

        Set<String> acceptedSignalIds() {
            Set<String> ids = new HashSet<>();
            posts.stream().filter(post -> post.accepted).forEach(post -> ids.addAll(post.signalIds));
            return ids;
        }

        long notAccepted() {
            return posts.stream().filter(post -> !post.accepted).count();
        }

        String recoveredAfter(long since) {
            return accepts.stream().mapToLong(a -> a[0]).filter(at -> at > since).min()
                    .stream().mapToObj(at -> seconds(at - since)).findFirst().orElse("never");
        }

        void outcome(Result r) {
            r.sent = posts.size();
            r.accepted = (int) posts.stream().filter(post -> post.accepted).count();
            int retried = (int) posts.stream().filter(post -> post.attempts > 1).count();
            r.figure("posts that needed retries", String.valueOf(retried));
        }
    }

    static final class Post {
        final long updateId;
        final long messageId;
        final String symbol;
        volatile boolean accepted;
        volatile List<String> signalIds = List.of();
        volatile long acceptedAt;
        int attempts;

        Post(long updateId, long messageId, String symbol) {
            this.updateId = updateId;
            this.messageId = messageId;
            this.symbol = symbol;
        }
    }

    record Frame(String type, String event, String id, long seq, String symbol, long at, int connection) {
    }

    /** A VIP client on /ws/signals through the gateway; on a close it reconnects (1 s apart) and sends resume. */
    static final class VipSocket implements WebSocket.Listener {

        final Session session;
        final boolean reconnect;
        final List<Frame> frames = new CopyOnWriteArrayList<>();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final AtomicInteger resumeGaps = new AtomicInteger();
        final AtomicInteger repeats = new AtomicInteger();
        final AtomicInteger pongs = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final List<String> otherErrors = new CopyOnWriteArrayList<>();
        final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
        final List<Long> openTimes = new CopyOnWriteArrayList<>();
        final StringBuilder text = new StringBuilder();
        volatile long lastSeq = -1;
        volatile WebSocket socket;
        volatile boolean closing;
        volatile boolean reconnecting;

        private VipSocket(Session session, boolean reconnect) {
            this.session = session;
            this.reconnect = reconnect;
        }

        static VipSocket open(Session session, boolean reconnect) {
            VipSocket client = new VipSocket(session, reconnect);
            if (!client.connect(Duration.ofSeconds(60))) {
                throw new IllegalStateException("VIP socket did not connect");
            }
            // the gateway answers the upgrade before its own connection to notification-service is up: only a pong
            // proves the socket is registered there (a signal published before that is not this socket's)
            long sent = System.nanoTime();
            client.socket.sendText("{\"type\":\"ping\"}", true);
            long end = sent + Duration.ofSeconds(60).toNanos();
            while (client.pongs.get() == 0 && System.nanoTime() < end) {
                sleep(50);
            }
            log("socket live at notification-service (pong) " + seconds(System.nanoTime() - sent) + " after the ping");
            return client;
        }

        boolean connect(Duration within) {
            long end = System.nanoTime() + within.toNanos();
            while (!closing && System.nanoTime() < end) {
                try {
                    socket = HTTP.newWebSocketBuilder()
                            .header("Authorization", "Bearer " + session.access())
                            .connectTimeout(Duration.ofSeconds(5))
                            .buildAsync(URI.create(GATEWAY.replaceFirst("^http", "ws") + "/ws/signals"), this)
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
                    return true;
                }
                catch (Exception ex) {
                    Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                    if (cause instanceof WebSocketHandshakeException refused) {
                        log("socket handshake refused: " + refused.getResponse().statusCode());
                    }
                    sleep(1_000);
                }
            }
            return false;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            opens.incrementAndGet();
            openTimes.add(System.nanoTime());
            if (lastSeq < 0) {
                log("socket open");
            }
            if (lastSeq >= 0) {
                webSocket.sendText("{\"type\":\"resume\",\"after_seq\":" + lastSeq + "}", true);
                resumes.incrementAndGet();
                log("socket reopened (connection " + opens.get() + "), resume after_seq " + lastSeq);
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (text) {
                text.append(data);
                if (last) {
                    handle(text.toString());
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String json) {
            String type = string(json, "type");
            if ("signal".equals(type)) {
                long seq = number(json, "seq");
                String id = string(json, "id");
                Frame frame = new Frame(type, string(json, "event"), id, seq, symbolOf(json), System.nanoTime(),
                        opens.get());
                if (!seen.add(id + "/" + seq)) {
                    repeats.incrementAndGet();
                }
                else if (seq < lastSeq) {
                    outOfOrder.incrementAndGet();
                    log("out of order: seq " + seq + " after " + lastSeq);
                }
                lastSeq = Math.max(lastSeq, seq);
                frames.add(frame);
            }
            else if ("pong".equals(type)) {
                pongs.incrementAndGet();
            }
            else if ("error".equals(type)) {
                String code = string(json, "code");
                if ("resume_gap".equals(code)) {
                    resumeGaps.incrementAndGet();
                    log("resume_gap: " + json);
                }
                else {
                    otherErrors.add(code);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCodes.add(statusCode);
            log("socket closed " + statusCode + " " + reason);
            reconnectLater();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCodes.add(1006);
            log("socket error " + error);
            reconnectLater();
        }

        /** One supervisor thread: whenever the socket is closed (by either side), a new one 1 s later. */
        private void reconnectLater() {
            synchronized (this) {
                if (closing || !reconnect || reconnecting) {
                    return;
                }
                reconnecting = true;
            }
            new Thread(() -> {
                long end = System.nanoTime() + Duration.ofSeconds(600).toNanos();
                while (!closing && System.nanoTime() < end) {
                    WebSocket current = socket;
                    if (current == null || current.isInputClosed() || current.isOutputClosed()) {
                        sleep(1_000);
                        connect(Duration.ofSeconds(5));
                    }
                    sleep(200);
                }
                reconnecting = false;
            }, "reconnect").start();
        }

        long firstOpenAfter(long since) {
            return openTimes.stream().mapToLong(Long::longValue).filter(at -> at > since).min().orElse(-1);
        }

        /** Waits until every symbol has a created frame (or the time is up); created frames by symbol. */
        Map<String, List<Frame>> awaitCreated(Set<String> symbols, Duration within) {
            long end = System.nanoTime() + within.toNanos();
            while (true) {
                Map<String, List<Frame>> created = created(symbols);
                if (created.keySet().containsAll(symbols) || System.nanoTime() > end) {
                    sleep(3_000);   // late duplicates
                    return created(symbols);
                }
                sleep(500);
            }
        }

        private Map<String, List<Frame>> created(Set<String> symbols) {
            Map<String, List<Frame>> created = new HashMap<>();
            for (Frame frame : frames) {
                if ("created".equals(frame.event) && frame.symbol != null && symbols.contains(frame.symbol)) {
                    created.computeIfAbsent(frame.symbol, k -> new ArrayList<>()).add(frame);
                }
            }
            return created;
        }

        void close() {
            closing = true;
            WebSocket current = socket;
            if (current != null) {
                current.sendClose(WebSocket.NORMAL_CLOSURE, "drill done");
            }
        }

        private static String symbolOf(String json) {
            String symbol = string(json, "symbol");
            if (symbol == null) {
                return null;
            }
            symbol = symbol.toUpperCase(Locale.ROOT);
            for (String quote : List.of("/USDT", "_USDT", "-USDT", "USDT")) {
                if (symbol.endsWith(quote)) {
                    return symbol.substring(0, symbol.length() - quote.length());
                }
            }
            return symbol;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    /** A user's tokens: a drill VIP user made by the first admin (register, grant VIP, refresh). */
    static final class Session {

        private String access;
        private String refresh;
        private long refreshedAt;

        static Session vip() throws Exception {
            String run = Long.toString(Instant.now().getEpochSecond(), 36);
            String email = "drill-" + run + "@example.com";
            String password = "drill user passphrase " + run;
            HttpResponse<String> registered = call("POST", "/api/v1/auth/register", null,
                    "{\"email\":\"" + email + "\",\"username\":\"drill-" + run + "\",\"password\":\"" + password + "\"}");
            require(registered, 201);
            Session user = login(email, password);
            Session admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
            HttpResponse<String> me = call("GET", "/api/v1/users/me", user.access, null);
            require(me, 200);
            String id = string(me.body(), "id");
            String expires = Instant.now().plus(Duration.ofDays(2)).toString();
            HttpResponse<String> granted = call("PUT", "/api/v1/admin/users/" + id + "/subscription", admin.access,
                    "{\"plan\":\"VIP\",\"expires_at\":\"" + expires + "\"}");
            require(granted, 200);
            // the tier reaches auth-service as an event: refresh until the socket handshake takes the token
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < end) {
                user.refresh();
                if (payload(user.access).contains("VIP")) {
                    log("VIP user " + email + " (id " + id + ") ready");
                    return user;
                }
                sleep(2_000);
            }
            throw new IllegalStateException("the refreshed token never said VIP: " + payload(user.access));
        }

        static Session login(String email, String password) throws Exception {
            HttpResponse<String> response = call("POST", "/api/v1/auth/login", null,
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
            require(response, 200);
            Session session = new Session();
            session.access = string(response.body(), "access_token");
            session.refresh = string(response.body(), "refresh_token");
            session.refreshedAt = System.nanoTime();
            return session;
        }

        /** The access token, refreshed when older than 10 minutes (they live 15). */
        synchronized String access() {
            if (System.nanoTime() - refreshedAt > Duration.ofMinutes(10).toNanos()) {
                try {
                    refresh();
                }
                catch (Exception ex) {
                    log("token refresh failed: " + ex);
                }
            }
            return access;
        }

        synchronized void refresh() throws Exception {
            HttpResponse<String> response = call("POST", "/api/v1/auth/refresh", null,
                    "{\"refresh_token\":\"" + refresh + "\"}");
            require(response, 200);
            access = string(response.body(), "access_token");
            refresh = string(response.body(), "refresh_token");
            refreshedAt = System.nanoTime();
        }

        private static String payload(String jwt) {
            String[] parts = jwt.split("\\.");
            return new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        }
    }

    /** A gateway call; 429 waits Retry-After and tries again (set-up calls share the login bucket). */
    static HttpResponse<String> call(String method, String path, String bearer, String json) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                    .timeout(Duration.ofSeconds(15))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException ex) {
                sleep(2_000);
                continue;
            }
            if (response.statusCode() == 429 || response.statusCode() == 503) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
                log(method + " " + path + " → " + response.statusCode() + ", waiting " + wait + " s");
                sleep(Math.min(wait, 60) * 1000);
                continue;
            }
            return response;
        }
        throw new IllegalStateException(method + " " + path + " kept failing");
    }

    static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " → "
                    + response.statusCode() + ": " + response.body());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    static String control(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(CONTROL + path)).timeout(Duration.ofMinutes(11))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (ConnectException ex) {
            throw new IllegalStateException("No launcher control at " + CONTROL
                    + ": start the suite with bench/drills/start-suite.sh (LAUNCHER_CONTROL_PORT)", ex);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("control " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static Map<String, Long> servicePids() throws Exception {
        Map<String, Long> pids = new TreeMap<>();
        for (String line : control("GET", "/status").split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length >= 4 && fields[0].equals("service")) {
                pids.put(fields[1], Long.parseLong(fields[2]));
            }
        }
        return pids;
    }

    static long servicePid(String name) throws Exception {
        Long pid = servicePids().get(name);
        if (pid == null) {
            throw new IllegalStateException("launcher does not know " + name);
        }
        return pid;
    }

    static void awaitSuiteHealthy(Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            String status = control("GET", "/status");
            boolean allUp = !status.contains(" dead ") && !status.contains(" down");
            boolean healthy = allUp && DB_SERVICES.values().stream().allMatch(Drill::healthy) && healthy(8080);
            if (healthy) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("suite not healthy: " + status);
            }
            sleep(2_000);
        }
    }

    static boolean healthy(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static double metricSum(int port, String name) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        }
        catch (Exception ex) {
            return Double.NaN;
        }
    }

    static double outboxPending() {
        double total = 0;
        for (int port : List.of(8081, 8082, 8084)) {
            total += metricSum(port, "cryptotracker_outbox_pending");
        }
        return total;
    }

    static double gatewayFallbacks() {
        return metricSum(GATEWAY_MANAGEMENT_PORT, "gateway_ratelimit_fallback_total");
    }

    // ---------------------------------------------------------------------------------------------------------
    static final class Result {
        final String drill;
        final String title;
        final Map<String, String> figures = new LinkedHashMap<>();
        final String date = Instant.now().toString();
        int sent;
        int accepted;
        int delivered;
        int duplicated;
        int lost;
        int outOfOrder;
        int fiveXx;
        boolean passed;

        Result(String drill, String title) {
            this.drill = drill;
            this.title = title;
        }

        void figure(String name, String value) {
            figures.put(name, value);
            log(name + ": " + value);
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("## (").append(drill).append(") ").append(title).append("\n\n");
            md.append("Run ").append(date).append(" – ").append(passed ? "**passed**" : "**FAILED**").append("  \n");
            md.append(machine()).append("\n\n");
            md.append("| figure | value |\n|---|---|\n");
            figures.forEach((name, value) -> md.append("| ").append(name).append(" | ")
                    .append(value.replace("|", "\\|")).append(" |\n"));
            return md.append('\n').toString();
        }
    }

    static String machine() {
        String cpu = "?";
        String memory = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").findFirst().orElse("?");
        }
        catch (IOException | RuntimeException ex) {
            // not Linux
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory
                + "; drill client JDK " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.name") + "); commit " + env("DRILL_COMMIT", "?")
                + "; load average before the run " + env("DRILL_LOAD_BEFORE", "?");
    }

    static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static List<String> strings(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
            while (item.find()) {
                values.add(item.group(1));
            }
        }
        return values;
    }

    static String letters(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (char) ('A' + value % 26);
            value /= 26;
        }
        return new String(out);
    }

    static String percentile(List<Long> nanos, int p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return "-";
        }
        Collections.sort(sorted);
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return String.format(Locale.ROOT, "%.0f ms", value / 1e6);
    }

    static String abbreviate(List<String> values) {
        return values.size() <= 10 ? values.toString() : values.subList(0, 10) + " …";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void log(String message) {
        System.out.printf(Locale.ROOT, "[drill %6.1f s] %s%n", (System.nanoTime() - T0) / 1e9, message);
    }
}
