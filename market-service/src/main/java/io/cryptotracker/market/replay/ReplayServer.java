package io.cryptotracker.market.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP stub that answers like the real sources from recorded answers on the classpath, so the very same
 * adapters run without network or keys. {@code GET /<source>/<path>?<query>} answers
 * {@code <root>/<source>/<path>.json} (the query – timestamps, signatures, limits – is ignored), except that a call
 * with a {@code symbol} parameter answers {@code <root>/<source>/<path>/<symbol>.json} where that is recorded (the
 * order books of {@code /api/v3/depth?symbol=PEPEUSDT}, {@code /fapi/v1/depth?symbol=1000PEPEUSDT}). A last path
 * segment listing several ids ({@code /tokens/v1/ethereum/0xa,0xb}) answers the concatenated arrays of the
 * recorded single-id answers, as DexScreener does. Anything not recorded is a 404. A call recorded several times
 * ({@code <path>.json}, {@code <path>~1.json}, {@code <path>~2.json}…, {@code frame-interval} apart) answers its
 * frames in turn, so spreads open, move and close. Timestamps (epoch milliseconds and ISO-8601) within a week of
 * {@code recorded-at} in {@code <root>/recording.properties} are moved by the time since that frame was recorded,
 * so a replayed quote is as fresh as the recorded one was.
 */
public class ReplayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayServer.class);

    private static final Pattern EPOCH_MILLIS = Pattern.compile("(?<![\\d.])1[5-9]\\d{11}(?![\\d.])");
    private static final Pattern ISO_INSTANT = Pattern
            .compile("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?Z");
    private static final Duration SHIFT_WINDOW = Duration.ofDays(7);
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final String root;
    private final Instant recordedAt;
    private final Duration frameInterval;
    private final Instant startedAt;
    private final Map<String, Integer> frameCounts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final HttpServer server;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    /**
     * @param root a classpath folder, e.g. {@code replay}
     * @param port 0 for any free port
     */
    public ReplayServer(String root, int port) throws IOException {
        this(root, port, Clock.systemUTC());
    }

    public ReplayServer(String root, int port, Clock clock) throws IOException {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.clock = clock;
        Properties recording = recording(this.root);
        String recorded = recording.getProperty("recorded-at");
        this.recordedAt = recorded == null ? null : Instant.parse(recorded.trim());
        this.frameInterval = DurationStyle.detectAndParse(recording.getProperty("frame-interval", "30s").trim());
        this.startedAt = clock.instant();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("market-replay-");
        executor.setDaemon(true);
        executor.initialize();
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        log.info("Market data replay serving recorded source answers from classpath:{} on {}", this.root,
                baseUrl(""));
    }

    /** The base URL an adapter of this source uses instead of the live one. */
    public String baseUrl(String source) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + (source.isEmpty() ? "" : "/" + source);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String answer = "GET".equals(exchange.getRequestMethod())
                    ? recorded(path, symbolParameter(exchange.getRequestURI().getRawQuery())) : null;
            byte[] body = answer == null ? null : answer.getBytes(StandardCharsets.UTF_8);
            if (body == null) {
                body = "{\"msg\":\"not recorded\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
            }
            else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String recorded(String path, String symbol) throws IOException {
        if (path.contains("..") || path.contains("~")) {
            return null;
        }
        if (symbol != null) {
            String perSymbol = currentFrame(path + "/" + symbol);
            if (perSymbol != null) {
                return perSymbol;
            }
        }
        String exact = currentFrame(path);
        if (exact != null) {
            return exact;
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (!last.contains(",")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String id : last.split(",")) {
            String one = currentFrame(path.substring(0, slash + 1) + id);
            if (one != null) {
                String array = one.trim();
                if (array.startsWith("[") && array.endsWith("]") && array.length() > 2) {
                    parts.add(array.substring(1, array.length() - 1));
                }
            }
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** The {@code symbol} query parameter when it is a plain instrument name, else null. */
    private static String symbolParameter(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("symbol=")) {
                String value = parameter.substring("symbol=".length());
                return SYMBOL.matcher(value).matches() ? value : null;
            }
        }
        return null;
    }

    /** The frame of a recorded call that is current now, its timestamps moved to the present; null if none. */
    private String currentFrame(String path) throws IOException {
        int count = frameCounts.computeIfAbsent(path, this::countFrames);
        if (count == 0) {
            return null;
        }
        long tick = Duration.between(startedAt, clock.instant()).toMillis() / Math.max(1, frameInterval.toMillis());
        int frame = (int) (tick % count);
        byte[] body = resource(frame == 0 ? path : path + "~" + frame);
        if (body == null) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return recordedAt == null ? text : shifted(text, recordedAt.plus(frameInterval.multipliedBy(frame)));
    }

    private int countFrames(String path) {
        if (ReplayServer.class.getClassLoader().getResource(root + path + ".json") == null) {
            return 0;
        }
        int count = 1;
        while (ReplayServer.class.getClassLoader().getResource(root + path + "~" + count + ".json") != null) {
            count++;
        }
        return count;
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = ReplayServer.class.getClassLoader().getResourceAsStream(root + path + ".json")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The body with the timestamps of a frame recorded at {@code frameAt} moved to the present. */
    String shifted(String body, Instant frameAt) {
        long shiftMillis = clock.millis() - frameAt.toEpochMilli();
        long from = recordedAt.minus(SHIFT_WINDOW).toEpochMilli();
        long to = recordedAt.plus(SHIFT_WINDOW).toEpochMilli();
        String millisShifted = replace(EPOCH_MILLIS, body, text -> {
            long value = Long.parseLong(text);
            return value >= from && value <= to ? String.valueOf(value + shiftMillis) : text;
        });
        return replace(ISO_INSTANT, millisShifted, text -> {
            try {
                Instant value = Instant.parse(text);
                long millis = value.toEpochMilli();
                return millis >= from && millis <= to ? value.plusMillis(shiftMillis).toString() : text;
            }
            catch (DateTimeParseException ex) {
                return text;
            }
        });
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> change) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(change.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Properties recording(String root) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReplayServer.class.getClassLoader()
                .getResourceAsStream(root + "/recording.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
    }
}
