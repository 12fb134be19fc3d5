import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;

/**
 * The suite as the console sees it, without the suite: Playwright's routes answer the page's requests from the
 * console's files, the WebJars on the classpath and a fake API, and {@code routeWebSocket} plays
 * {@code /ws/signals}. Nothing leaves the browser. Not thread-safe: Playwright calls the handlers on its own thread,
 * the one that drives the page.
 */
final class FakeSuite {

    /** A static file the page loaded: its path, type, bytes as served (uncompressed) and when. */
    record Served(String path, String contentType, byte[] body, long atNanos) {
    }

    private static final Pattern UUID_PATH = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "json", "application/json", "png", "image/png", "woff2", "font/woff2");

    private final Path consoleDir;
    private final SignalFeed feed;
    private final UUID userId;
    private final Instant createdAt = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final List<Served> served = new ArrayList<>();
    private final List<String> apiCalls = new ArrayList<>();
    private final List<String> unhandled = new ArrayList<>();
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger socketsOpened = new AtomicInteger();
    private final AtomicInteger refusedSockets = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private volatile LiveSocket socket;

    /** The console's open socket, as the bench pushes frames into it. */
    interface LiveSocket {

        void send(String frame);
    }

    FakeSuite(Path consoleDir, SignalFeed feed, UUID userId) {
        this.consoleDir = consoleDir.toAbsolutePath().normalize();
        this.feed = feed;
        this.userId = userId;
    }

    /**
     * Serves everything: console files, WebJars, the API, and the socket through {@code routeWebSocket} unless
     * {@code playwrightSocket} is false (then a {@link LoopbackSocket} on the origin's port answers it).
     */
    void serveAll(Page page, boolean playwrightSocket) {
        page.route("**/*", this::handle);
        if (playwrightSocket) {
            serveSocket(page);
        }
    }

    /** Serves only the API and the socket: the console's files come from a real gateway. */
    void serveApiOnly(Page page) {
        page.route("**/api/**", this::handle);
        serveSocket(page);
    }

    /** The socket the console has open now, or null. */
    LiveSocket socket() {
        return socket;
    }

    /** Spends a ticket the fake API issued: true once per ticket. */
    boolean spendTicket(String ticket) {
        boolean valid = ticket != null && tickets.remove(ticket);
        if (!valid) {
            refusedSockets.incrementAndGet();
        }
        return valid;
    }

    void opened(LiveSocket live) {
        socketsOpened.incrementAndGet();
        socket = live;
    }

    void closed(LiveSocket live) {
        if (socket == live) {
            socket = null;
        }
    }

    /** A client frame: {@code ping} is answered with {@code pong}, {@code resume} counted. */
    void received(String text, LiveSocket from) {
        JsonObject message = JsonParser.parseString(text).getAsJsonObject();
        String type = message.has("type") ? message.get("type").getAsString() : "";
        if ("ping".equals(type)) {
            from.send("{\"type\":\"pong\"}");
        }
        else if ("resume".equals(type)) {
            resumes.incrementAndGet();
        }
    }

    int socketsOpened() {
        return socketsOpened.get();
    }

    int refusedSockets() {
        return refusedSockets.get();
    }

    int resumes() {
        return resumes.get();
    }

    List<Served> served() {
        return List.copyOf(served);
    }

    List<String> apiCalls() {
        return List.copyOf(apiCalls);
    }

    List<String> unhandled() {
        return List.copyOf(unhandled);
    }

    private void serveSocket(Page page) {
        page.routeWebSocket("**/ws/signals**", ws -> {
            if (!spendTicket(ticketOf(ws.url()))) {
                ws.close(new WebSocketRoute.CloseOptions().setCode(1008).setReason("no valid ticket"));
                return;
            }
            LiveSocket live = ws::send;
            opened(live);
            ws.onMessage(frame -> received(frame.text(), live));
            ws.onClose((code, reason) -> closed(live));
        });
    }

    private void handle(Route route) {
        URI uri = URI.create(route.request().url());
        String path = uri.getRawPath();
        try {
            if (path.startsWith("/ws/")) {
                // the socket's handshake, when a LoopbackSocket plays it (Chromium lets routes see it)
                route.resume();
            }
            else if (path.startsWith("/api/")) {
                String query = uri.getRawQuery();
                apiCalls.add(route.request().method() + " " + path
                        + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8)));
                api(route, route.request().method(), path, query(uri.getRawQuery()));
            }
            else if (path.startsWith("/webjars/")) {
                file(route, path, webjar(path));
            }
            else if (path.startsWith("/assets/")) {
                file(route, path, consoleFile(path.substring("/assets/".length())));
            }
            else if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
                file(route, path, null);
            }
            else {
                file(route, path, consoleFile("index.html"));
            }
        }
        catch (IOException ex) {
            route.fulfill(new Route.FulfillOptions().setStatus(500).setBody(ex.toString()));
        }
    }

    private void file(Route route, String path, byte[] body) {
        if (body == null) {
            unhandled.add("GET " + path + " (no such file)");
            route.fulfill(new Route.FulfillOptions().setStatus(404).setContentType("text/plain").setBody("not found"));
            return;
        }
        String name = path.endsWith("/") || !path.contains(".") ? "index.html" : path;
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        served.add(new Served(path, type, body, System.nanoTime()));
        route.fulfill(new Route.FulfillOptions().setStatus(200)
                .setHeaders(Map.of("content-type", type, "cache-control", "no-store")).setBodyBytes(body));
    }

    private byte[] consoleFile(String relative) throws IOException {
        Path file = consoleDir.resolve(relative).normalize();
        return file.startsWith(consoleDir) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** {@code /webjars/<name>/<version>/<file>}: a WebJar's file, or an mvnpm jar's ({@code _static}). */
    private static byte[] webjar(String path) throws IOException {
        String rest = path.substring("/webjars/".length());
        if (rest.contains("..")) {
            return null;
        }
        for (String root : List.of("META-INF/resources/webjars/", "META-INF/resources/_static/")) {
            try (InputStream in = FakeSuite.class.getClassLoader().getResourceAsStream(root + rest)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private void api(Route route, String method, String path, Map<String, String> params) {
        String call = method + " " + path;
        switch (call) {
            case "POST /api/v1/auth/console/refresh", "POST /api/v1/auth/console/login" -> json(route, 200, token());
            case "POST /api/v1/auth/console/logout" -> empty(route, 204);
            case "GET /api/v1/users/me" -> json(route, 200, me());
            case "GET /api/v1/users/me/preferences" -> json(route, 200, preferences());
            case "GET /api/v1/users/me/subscription" -> json(route, 200, subscription());
            case "GET /api/v1/notifications" -> notifications(route, params);
            case "POST /api/v1/notifications/read-all" -> empty(route, 204);
            case "POST /api/v1/notifications/ws-ticket" -> json(route, 200, ticket());
            case "GET /api/v1/signals/" + SignalFeed.KIND -> signals(route, params);
            case "GET /api/v1/signals/funding-rate", "GET /api/v1/signals/mexc-dex",
                    "GET /api/v1/market/cryptocurrencies" -> json(route, 200, page(List.of(), params));
            default -> {
                String last = path.substring(path.lastIndexOf('/') + 1);
                if ("GET".equals(method) && path.startsWith("/api/v1/signals/") && UUID_PATH.matcher(last).matches()) {
                    Map<String, Object> view = feed.view(last);
                    if (view != null) {
                        json(route, 200, view);
                    }
                    else {
                        problem(route, 404, "There is no signal with this id.", path, List.of());
                    }
                }
                else if ("POST".equals(method) && path.matches("/api/v1/notifications/[^/]+/read")) {
                    empty(route, 204);
                }
                else {
                    unhandled.add(call);
                    problem(route, 404, "The benchmark's fake suite does not answer " + call + ".", path, List.of());
                }
            }
        }
    }

    private void signals(Route route, Map<String, String> params) {
        List<Map<String, String>> errors = new ArrayList<>();
        Set<String> known = Set.of("symbol", "q", "min_spread", "max_spread", "status", "source", "from", "to", "page",
                "size", "sort");
        params.keySet().stream().filter(key -> !known.contains(key))
                .forEach(key -> errors.add(fieldError(key, "is not a parameter of this list")));
        String[] sort = params.getOrDefault("sort", "detected_at,desc").split(",", -1);
        if (!Set.of("detected_at", "updated_at", "closed_at", "spread_percent", "net_spread_percent",
                "peak_spread_percent", "symbol").contains(sort[0])
                || sort.length > 2 || (sort.length == 2 && !Set.of("asc", "desc").contains(sort[1]))) {
            errors.add(fieldError("sort", "must be a sortable field, optionally ,asc or ,desc"));
        }
        String status = params.get("status");
        if (status != null && !Set.of("OPEN", "CLOSED").contains(status.toUpperCase())) {
            errors.add(fieldError("status", "must be one of closed, open"));
        }
        BigDecimal min = decimal(params, "min_spread", errors);
        BigDecimal max = decimal(params, "max_spread", errors);
        int[] paging = paging(params, errors);
        if (!errors.isEmpty()) {
            problem(route, 400, "The request has invalid fields.", "/api/v1/signals/" + SignalFeed.KIND, errors);
            return;
        }
        String symbol = params.get("symbol") == null ? null : unified(params.get("symbol"));
        String prefix = params.get("q") == null ? null : params.get("q").toUpperCase();
        List<Map<String, Object>> found = feed.list(status, symbol, prefix, min, max, sort[0],
                sort.length == 2 && "asc".equals(sort[1]));
        json(route, 200, page(found, paging[0], paging[1]));
    }

    private void notifications(Route route, Map<String, String> params) {
        List<Map<String, String>> errors = new ArrayList<>();
        int[] paging = paging(params, errors);
        List<Map<String, Object>> all = feed.notifications();
        Map<String, Object> page = page(all, paging[0], paging[1]);
        page.put("unread_count", all.size());
        json(route, 200, page);
    }

    private Map<String, Object> page(List<Map<String, Object>> items, Map<String, String> params) {
        int[] paging = paging(params, new ArrayList<>());
        return page(items, paging[0], paging[1]);
    }

    private static Map<String, Object> page(List<Map<String, Object>> items, int page, int size) {
        Map<String, Object> answer = new LinkedHashMap<>();
        int from = Math.min(items.size(), page * size);
        answer.put("items", items.subList(from, Math.min(items.size(), from + size)));
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total_items", items.size());
        answer.put("total_pages", (items.size() + size - 1) / size);
        return answer;
    }

    /** {@code page} from 0, {@code size} 1 to 200, 20 when absent (common-lib's PageQuery). */
    private static int[] paging(Map<String, String> params, List<Map<String, String>> errors) {
        int page = 0;
        int size = 20;
        try {
            page = Integer.parseInt(params.getOrDefault("page", "0"));
            size = Integer.parseInt(params.getOrDefault("size", "20"));
        }
        catch (NumberFormatException ex) {
            errors.add(fieldError(params.containsKey("page") ? "page" : "size", "must be a whole number"));
        }
        if (page < 0) {
            errors.add(fieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 200) {
            errors.add(fieldError("size", "must be between 1 and 200"));
        }
        return new int[] {Math.max(0, page), Math.min(200, Math.max(1, size))};
    }

    private static BigDecimal decimal(Map<String, String> params, String name, List<Map<String, String>> errors) {
        try {
            return params.get(name) == null ? null : new BigDecimal(params.get(name));
        }
        catch (NumberFormatException ex) {
            errors.add(fieldError(name, "must be a number"));
            return null;
        }
    }

    private static String unified(String symbol) {
        String upper = symbol.toUpperCase().replace("-", "/");
        if (upper.contains("/")) {
            return upper;
        }
        return upper.endsWith("USDT") && upper.length() > 4 ? upper.substring(0, upper.length() - 4) + "/USDT"
                : upper + "/USDT";
    }

    /** An access token with the claims auth-service puts in (the console reads sub, email, tier, roles, exp). */
    private Map<String, Object> token() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "cryptotracker-auth");
        claims.put("sub", userId.toString());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + 900);
        claims.put("email", "trader@bench.local");
        claims.put("tier", "VIP");
        claims.put("roles", List.of("USER"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"bench\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(feed.toJsonBytes(claims)) + "."
                + base64.encodeToString(new byte[256]);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", jwt);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 900);
        return answer;
    }

    private Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", userId.toString());
        me.put("email", "trader@bench.local");
        me.put("username", "bench-trader");
        me.put("created_at", createdAt.toString());
        me.put("tier", "VIP");
        me.put("roles", List.of("USER"));
        me.put("subscription", subscription());
        return me;
    }

    private Map<String, Object> subscription() {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("plan", "VIP");
        subscription.put("status", "ACTIVE");
        subscription.put("started_at", createdAt.plus(10, ChronoUnit.DAYS).toString());
        subscription.put("expires_at", createdAt.plus(70, ChronoUnit.DAYS).toString());
        subscription.put("auto_renew", false);
        return subscription;
    }

    /** notification-service's defaults: browser and sound on, email off, every kind, minimum spread 1.0 %. */
    private static Map<String, Object> preferences() {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("channels", Map.of("browser", true, "email", false, "sound", true));
        preferences.put("kinds", List.of("mexc-spot-futures", "funding-rate", "mexc-dex"));
        preferences.put("min_spread_percent", SignalFeed.NOTIFY_MIN_SPREAD);
        preferences.put("symbols_allow", List.of());
        preferences.put("symbols_deny", List.of());
        preferences.put("quiet_hours", null);
        preferences.put("timezone", "UTC");
        return preferences;
    }

    private Map<String, Object> ticket() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tickets.add(ticket);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ticket", ticket);
        answer.put("expires_at", Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS).toString());
        return answer;
    }

    private void json(Route route, int status, Object body) {
        route.fulfill(new Route.FulfillOptions().setStatus(status)
                .setHeaders(Map.of("content-type", "application/json", "cache-control", "no-store"))
                .setBodyBytes(feed.toJsonBytes(body)));
    }

    private static void empty(Route route, int status) {
        route.fulfill(new Route.FulfillOptions().setStatus(status));
    }

    private void problem(Route route, int status, String detail, String instance, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status == 400 ? "Bad Request" : "Not Found");
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        route.fulfill(new Route.FulfillOptions().setStatus(status)
                .setHeaders(Map.of("content-type", "application/problem+json"))
                .setBodyBytes(feed.toJsonBytes(problem)));
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    static String ticketOf(String url) {
        return query(URI.create(url).getRawQuery()).get("ticket");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int at = pair.indexOf('=');
            String key = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
            params.put(key, at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
