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
 * fails on it: uncaught exceptions, console errors (a Content-Security-Policy violation is one), answers of 5xx or
 * 429, and any 4xx outside {@code /api/} (a missing asset). A 4xx from the API is the product speaking (a field
 * error, a refresh without a session) and the test asserts what the user sees instead.
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

    private final String name;
    private final String origin;
    private final BrowserContext context;
    private final Page page;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
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
        if (status >= 500 || status == 429 || !path.startsWith("/api/")) {
            problems.add(response.request().method() + " " + path + " answered " + status);
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

    /** Saves a screenshot and the page's HTML next to each other ({@code <base>.png}, {@code <base>.html}). */
    public void saveEvidence(Path directory, String baseName) {
        screenshot(directory.resolve(baseName + ".png"));
        try {
            Files.writeString(directory.resolve(baseName + ".html"), "<!-- " + page.url() + " -->\n" + page.content(),
                    StandardCharsets.UTF_8);
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
