import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** First-load bytes: the files the page loaded before the board showed, raw and gzip-compressed. */
final class FirstLoad {

    /**
     * The gateway's compression (gateway/src/main/resources/application.yml, {@code server.compression}): these types,
     * from this size; gzip at level 6, Reactor Netty's and the JDK's default.
     */
    static final List<String> COMPRESSED_TYPES = List.of("text/html", "text/css", "text/javascript",
            "application/javascript");
    static final int COMPRESSION_MIN_BYTES = 512;

    /** One file: its path, raw size and size as the gateway sends it (gzip, or raw when not compressed). */
    record File(String path, String type, int raw, int gzip) {
    }

    /** One file as a real gateway sent it: bytes on the wire (headers included), body encoded and decoded. */
    record Transfer(String path, long transfer, long encoded, long decoded, String encoding) {
    }

    /** What a running gateway sent, or why it was not measured. */
    record GatewayLoad(String url, String skipped, List<Transfer> files, List<Transfer> lazy) {
    }

    static boolean lazy(String path) {
        return path.contains("/uplot/");
    }

    static List<File> files(List<FakeSuite.Served> served) {
        Map<String, File> files = new LinkedHashMap<>();
        for (FakeSuite.Served file : served) {
            boolean compressed = COMPRESSED_TYPES.stream().anyMatch(file.contentType()::startsWith)
                    && file.body().length >= COMPRESSION_MIN_BYTES;
            files.putIfAbsent(file.path(), new File(file.path(), file.contentType(), file.body().length,
                    compressed ? gzip(file.body()) : file.body().length));
        }
        return new ArrayList<>(files.values());
    }

    static int gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.size();
    }

    /**
     * Opens the board on a running gateway (its own build of the console, its compression and hashed URLs) with only
     * the API and the socket faked, and reads the Resource Timing sizes of a cold load.
     */
    static GatewayLoad fromGateway(ConsoleBench.Settings settings, Browser browser, String probe) {
        String url = settings.gatewayUrl();
        if (url == null || url.isBlank()) {
            return new GatewayLoad(url, "GATEWAY_URL is empty", List.of(), List.of());
        }
        try {
            HttpResponse<String> index = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (index.statusCode() != 200 || !index.body().contains("importmap")) {
                return new GatewayLoad(url, "no console at " + url + "/ (status " + index.statusCode() + ")", List.of(),
                        List.of());
            }
        }
        catch (IOException | InterruptedException ex) {
            return new GatewayLoad(url, "no gateway answering at " + url, List.of(), List.of());
        }
        UUID userId = UUID.nameUUIDFromBytes("bench-trader".getBytes());
        SignalFeed feed = new SignalFeed(settings.seed(), settings.rows(), userId, 0, 0);
        FakeSuite suite = new FakeSuite(settings.consoleDir(), feed, userId);
        Map<String, String> encodings = new LinkedHashMap<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            page.onResponse(response -> encodings.put(URI.create(response.url()).getRawPath(),
                    response.headers().getOrDefault("content-encoding", "none")));
            page.addInitScript(probe);
            suite.serveApiOnly(page);
            page.navigate(url + BoardRun.BOARD);
            String note = null;
            try {
                BoardRun.waitForRows(page, settings.rows(), 60_000);
            }
            catch (IllegalStateException ex) {
                note = "the board showed no rows on the gateway within 60 s";
            }
            page.waitForTimeout(1000);
            Object entries = page.evaluate("() => JSON.stringify([...performance.getEntriesByType('navigation'),"
                    + " ...performance.getEntriesByType('resource')].map((e) => [e.name, e.transferSize,"
                    + " e.encodedBodySize, e.decodedBodySize]))");
            List<Transfer> files = new ArrayList<>();
            List<Transfer> lazy = new ArrayList<>();
            for (JsonElement element : JsonParser.parseString((String) entries).getAsJsonArray()) {
                var entry = element.getAsJsonArray();
                URI uri = URI.create(entry.get(0).getAsString());
                String path = uri.getRawPath();
                if (path.startsWith("/api/") || !url.startsWith(uri.getScheme() + "://" + uri.getRawAuthority())) {
                    continue;
                }
                Transfer transfer = new Transfer(path, entry.get(1).getAsLong(), entry.get(2).getAsLong(),
                        entry.get(3).getAsLong(), encodings.getOrDefault(path, "?"));
                (lazy(path) ? lazy : files).add(transfer);
            }
            return new GatewayLoad(url, note, files, lazy);
        }
    }
}
