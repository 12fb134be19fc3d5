package io.cryptotracker.launcher.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * One person in the browser: their own context (cookies, storage) and page, with browser notifications allowed on
 * the app's origin and recorded (headless Chromium shows none), and every error the page raises kept so the test
 * fails on it: uncaught exceptions, console errors (a Content-Security-Policy violation is one) and every answer of
 * 400 or more except the two the product gives in a normal journey: a validation error (400, 422) from the API, which
 * the test checks at its field, and a 401 from the session refresh when there is no session (the first visit, after
 * sign out).
 */
public final class BrowserUser {

    /**
     * Wraps {@code window.Notification} before any of the app's scripts runs (an init script runs outside the page's
     * Content-Security-Policy) so each notification the app shows is recorded with its title and body.
     */
    private static final String RECORD_NOTIFICATIONS = """
            (() => {
              window.__shownNotifications = [];
              const Native = window.Notification;
              if (!Native) return;
              class RecordedNotification extends Native {
                constructor(title, options) {
                  window.__shownNotifications.push({
                    title: String(title),
                    body: options && options.body != null ? String(options.body) : ''
                  });
                  super(title, options);
                }
              }
              window.Notification = RecordedNotification;
            })();
            """;

    private static final String SESSION_REFRESH = "/api/v1/auth/console/refresh";

    private final String name;
    private final String origin;
    private final BrowserContext context;
    private final Page page;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    // what the page said and what the API refused, for the evidence of a failed step
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    BrowserUser(String name, String origin, BrowserContext context) {
        this.name = name;
        this.origin = origin;
        this.context = context;
        context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(origin));
        context.addInitScript(RECORD_NOTIFICATIONS);
        this.page = context.newPage();
        page.onPageError(error -> problems.add("uncaught error: " + error));
        page.onConsoleMessage(message -> {
            note("console." + message.type() + ": " + message.text());
            // a failed answer is judged by its status below, whatever the console makes of it
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                problems.add("console error: " + message.text() + " (at " + message.location() + ")");
            }
        });
        page.onResponse(this::judge);
    }

    private void judge(Response response) {
        int status = response.status();
        if (status < 400) {
            return;
        }
        String path = URI.create(response.url()).getPath();
        String line = response.request().method() + " " + path + " answered " + status;
        note(line);
        boolean validation = path.startsWith("/api/") && (status == 400 || status == 422);
        boolean noSession = path.equals(SESSION_REFRESH) && status == 401;
        if (!validation && !noSession) {
            problems.add(line + ": " + excerpt(response));
        }
    }

    private static String excerpt(Response response) {
        try {
            String body = response.text();
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
        catch (RuntimeException ex) {
            return "(no body)";
        }
    }

    private void note(String line) {
        synchronized (journal) {
            if (journal.size() >= 500) {
                journal.remove(0);
            }
            journal.add(java.time.LocalTime.now() + " " + line);
        }
    }

    public String name() {
        return name;
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    /** The app's origin, e.g. {@code http://localhost:8080}. */
    public String origin() {
        return origin;
    }

    /** Every error recorded so far (see the class comment). */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Fails with every error the page raised so far, then forgets them. */
    public void assertNoBrowserErrors() {
        List<String> seen;
        synchronized (problems) {
            seen = List.copyOf(problems);
            problems.clear();
        }
        if (!seen.isEmpty()) {
            throw new AssertionError("The browser of " + name + " reported " + seen.size() + " error(s):\n  - "
                    + String.join("\n  - ", seen));
        }
    }

    /** The notifications the app showed since the page was last loaded: maps with {@code title} and {@code body}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> shownNotifications() {
        return (List<Map<String, String>>) page.evaluate("() => window.__shownNotifications || []");
    }

    /** Every key and value in the page's localStorage and sessionStorage, as {@code local:key=value} lines. */
    @SuppressWarnings("unchecked")
    public List<String> webStorage() {
        return (List<String>) page.evaluate("""
                () => [['local', localStorage], ['session', sessionStorage]].flatMap(([area, storage]) =>
                  Object.keys(storage).map(key => area + ':' + key + '=' + storage.getItem(key)))
                """);
    }

    /** Closes the context: the user leaves (their page is no longer checked or photographed). */
    public void close() {
        closed = true;
        context.close();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Saves what the page shows (the viewport) as a PNG. */
    public void screenshot(Path file) {
        createParent(file);
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
    }

    /**
     * Saves a screenshot, the page's HTML and a journal of its console messages and refused requests next to each
     * other ({@code <base>.png}, {@code <base>.html}, {@code <base>.log}).
     */
    public void saveEvidence(Path directory, String baseName) {
        screenshot(directory.resolve(baseName + ".png"));
        try {
            Files.writeString(directory.resolve(baseName + ".html"), "<!-- " + page.url() + " -->\n" + page.content(),
                    StandardCharsets.UTF_8);
            List<String> lines;
            synchronized (journal) {
                lines = List.copyOf(journal);
            }
            Files.write(directory.resolve(baseName + ".log"), lines, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
