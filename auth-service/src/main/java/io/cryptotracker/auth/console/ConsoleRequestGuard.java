package io.cryptotracker.auth.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The console session endpoints' defence against cross-site request forgery, behind the cookie's
 * {@code SameSite=Strict}: every request must carry {@code X-CryptoTracker-Console: 1} – a custom header, which a page
 * of another origin can only send after a CORS preflight the gateway refuses – and one the browser marks
 * {@code Sec-Fetch-Site: cross-site} is refused whatever it carries. {@code same-site} passes on purpose: a
 * SameSite=Strict cookie is sent to same-site requests anyway, the header still needs a preflight there, and a
 * console served by a development server on another port of {@code localhost} is same-site. Runs before the body is
 * read, so a refused request is a 403 whatever else is wrong with it.
 */
class ConsoleRequestGuard implements HandlerInterceptor {

    static final String CONSOLE_HEADER = "X-CryptoTracker-Console";
    static final String FETCH_SITE_HEADER = "Sec-Fetch-Site";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        check(request.getHeader(CONSOLE_HEADER), request.getHeader(FETCH_SITE_HEADER));
        return true;
    }

    /** @throws ConsoleRequestRefused (403) unless the header is {@code 1} and the request is not cross-site */
    static void check(String consoleHeader, String fetchSite) {
        if ("cross-site".equalsIgnoreCase(fetchSite == null ? null : fetchSite.strip())) {
            throw new ConsoleRequestRefused("cross-site-request",
                    "Console session requests started by another site are refused (Sec-Fetch-Site: cross-site).");
        }
        if (!"1".equals(consoleHeader == null ? null : consoleHeader.strip())) {
            throw new ConsoleRequestRefused("console-header-required",
                    "Console session requests must carry the header " + CONSOLE_HEADER + ": 1.");
        }
    }
}
