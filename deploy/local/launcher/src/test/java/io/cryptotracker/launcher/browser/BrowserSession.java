package io.cryptotracker.launcher.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Playwright and one headless Chromium for a test class; each user of the test gets a {@link BrowserUser}: a context
 * of their own (cookies, storage), so two users can be signed in at once.
 */
public final class BrowserSession implements AutoCloseable {

    /** The screenshots' size: a common laptop screen. */
    public static final int WIDTH = 1440;
    public static final int HEIGHT = 900;

    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserUser> users = new ArrayList<>();

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Playwright's driver and the given Chromium (headless). */
    public static BrowserSession launch(Path chromium) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    // containers often give /dev/shm only 64 MB
                    .setArgs(List.of("--disable-dev-shm-usage")));
            return new BrowserSession(playwright, browser);
        }
        catch (RuntimeException ex) {
            playwright.close();
            throw ex;
        }
    }

    /**
     * A new user at {@code origin} (e.g. {@code http://localhost:8080}): a fresh context sized
     * {@value #WIDTH}×{@value #HEIGHT}, browser notifications allowed on that origin, and a page whose errors are
     * recorded.
     *
     * @param name used in failure messages and screenshot names
     */
    public BrowserUser newUser(String name, String origin) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(origin)
                .setViewportSize(WIDTH, HEIGHT)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        BrowserUser user = new BrowserUser(name, origin, context);
        users.add(user);
        return user;
    }

    /** Every user still here (not closed), for error checks and screenshots on failure. */
    public List<BrowserUser> users() {
        return users.stream().filter(user -> !user.isClosed()).toList();
    }

    @Override
    public void close() {
        try {
            browser.close();
        }
        finally {
            playwright.close();
        }
    }
}
