package io.cryptotracker.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser test support on small pages served under the console's kind of Content-Security-Policy (no inline
 * script): axe-core runs there and names what it finds, shown notifications are recorded, and the errors a page
 * raises (a CSP violation, a missing asset, a server error) fail the test while an API's 4xx does not.
 */
class BrowserSupportTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; frame-ancestors 'none'";

    private static HttpServer server;
    private static BrowserSession browser;
    private static String origin;

    @BeforeAll
    static void serveTestPagesAndLaunchChromium() throws IOException {
        var chromium = Chromium.assumeInstalled();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page("/accessible", """
                <!doctype html><html lang="en"><head><title>Board</title><script src="/app.js" defer></script></head>
                <body><main><h1>Board</h1><button id="notify" type="button">Notify me</button></main></body></html>
                """);
        page("/inaccessible", """
                <!doctype html><html lang="en"><head><title>Broken</title></head>
                <body><main><h1>Broken</h1><button id="nameless" type="button"></button></main></body></html>
                """);
        page("/inline-script", """
                <!doctype html><html lang="en"><head><title>Inline</title></head>
                <body><main><h1>Inline</h1><script>document.title = 'ran';</script></main></body></html>
                """);
        page("/missing-asset", """
                <!doctype html><html lang="en"><head><title>Missing</title><script src="/gone.js"></script></head>
                <body><main><h1>Missing</h1></main></body></html>
                """);
        respond("/app.js", 200, "text/javascript", """
                document.getElementById('notify').addEventListener('click', () => {
                  new Notification('MEXC spot/futures TGX/USDT: 5.43% spread', { body: 'Buy spot, short the perpetual.' });
                });
                """);
        respond("/api/v1/auth/console/refresh", 401, "application/problem+json", "{\"status\":401}");
        respond("/api/v1/broken", 500, "application/problem+json", "{\"status\":500}");
        respond("/api/v1/users/me/preferences", 400, "application/problem+json", "{\"status\":400}");
        respond("/api/v1/users/me", 401, "application/problem+json", "{\"status\":401}");
        server.start();
        origin = "http://localhost:" + server.getAddress().getPort();
        browser = BrowserSession.launch(chromium);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void axeFindsNothingOnAnAccessiblePageDespiteItsContentSecurityPolicy() {
        BrowserUser user = browser.newUser("accessible", origin);
        user.page().navigate("/accessible");

        AccessibilityCheck.assertNoSeriousViolations(user.page(), "the accessible page");
        AccessibilityCheck.assertNoSeriousViolations(user.page(), "the accessible page, checked again");
        user.assertNoBrowserErrors();
    }

    @Test
    void axeNamesTheRuleAndTheElementOfASeriousViolation() {
        BrowserUser user = browser.newUser("inaccessible", origin);
        user.page().navigate("/inaccessible");

        assertThatThrownBy(() -> AccessibilityCheck.assertNoSeriousViolations(user.page(), "the broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("on the broken page")
                .hasMessageContaining("button-name (critical)")
                .hasMessageContaining("#nameless");
    }

    @Test
    void aNotificationTheAppShowsIsRecordedWithItsTitleAndBody() {
        BrowserUser user = browser.newUser("notified", origin);
        user.page().navigate("/accessible");
        assertThat(user.page().evaluate("() => Notification.permission")).isEqualTo("granted");

        user.page().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Notify me")).click();

        assertThat(user.shownNotifications()).containsExactly(Map.of(
                "title", "MEXC spot/futures TGX/USDT: 5.43% spread", "body", "Buy spot, short the perpetual."));
        user.assertNoBrowserErrors();
    }

    @Test
    void anInlineScriptRefusedByTheContentSecurityPolicyIsABrowserError() {
        BrowserUser user = browser.newUser("inline", origin);
        user.page().navigate("/inline-script");

        assertThat(user.page().title()).isEqualTo("Inline");
        assertThatThrownBy(user::assertNoBrowserErrors).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Content Security Policy");
    }

    @Test
    void aMissingAssetAServerErrorAndARefusedTokenAreBrowserErrorsButAFieldErrorIsNot() {
        BrowserUser user = browser.newUser("fetching", origin);
        user.page().navigate("/missing-asset");
        user.page().evaluate("() => fetch('/api/v1/auth/console/refresh', { method: 'POST' }).then(r => r.status)");
        user.page().evaluate("() => fetch('/api/v1/users/me/preferences', { method: 'PUT' }).then(r => r.status)");
        assertThatThrownBy(user::assertNoBrowserErrors).isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /gone.js answered 404")
                .hasMessageNotContaining("refresh")
                .hasMessageNotContaining("preferences");

        user.page().evaluate("() => fetch('/api/v1/broken').then(r => r.status)");
        user.page().evaluate("() => fetch('/api/v1/users/me').then(r => r.status)");
        assertThatThrownBy(user::assertNoBrowserErrors).isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/broken answered 500")
                .hasMessageContaining("GET /api/v1/users/me answered 401: {\"status\":401}");
        assertThat(user.problems()).isEmpty();
    }

    @Test
    void webStorageListsEveryKeyOfBothAreas() {
        BrowserUser user = browser.newUser("storage", origin);
        user.page().navigate("/accessible");
        user.page().evaluate("() => { localStorage.setItem('theme', 'dark'); sessionStorage.setItem('tab', 'dex'); }");

        assertThat(user.webStorage()).containsExactlyInAnyOrder("local:theme=dark", "session:tab=dex");
    }

    private static void page(String path, String html) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
            send(exchange, 200, "text/html; charset=utf-8", html);
        });
    }

    private static void respond(String path, int status, String contentType, String body) {
        server.createContext(path, exchange -> send(exchange, status, contentType, body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
