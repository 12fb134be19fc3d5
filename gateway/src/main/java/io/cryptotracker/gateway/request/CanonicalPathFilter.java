package io.cryptotracker.gateway.request;

import java.util.Locale;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 400 to a path that the gateway and the service behind could read differently: an empty segment
 * ({@code /api/v1/auth//login}, a trailing {@code /}), an encoded slash or backslash ({@code %2F}, {@code %5C}), a
 * backslash, or a {@code .}/{@code ..} segment (plain, percent-encoded, or with a {@code ;} parameter). It runs
 * before anything reads the path, so routing, the access rules and the rate-limit policy all decide on the one
 * path the service receives; the SPA and the services' clients never send such paths.
 */
@Component
public class CanonicalPathFilter implements WebFilter, Ordered {

    static final String DETAIL = "The path is not in canonical form: no empty segments, no encoded slashes or "
            + "backslashes, no '.' or '..' segments.";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (!isCanonical(rawPath)) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "non-canonical-path", "Bad Request", DETAIL));
        }
        return chain.filter(exchange);
    }

    /** Whether the raw (still percent-encoded) path can be read only one way. */
    static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || "/".equals(rawPath)) {
            return true;
        }
        if (rawPath.charAt(0) != '/' || rawPath.endsWith("/") || rawPath.contains("//") || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return false;
        }
        for (PathContainer.Element element : PathContainer.parsePath(rawPath).elements()) {
            // valueToMatch is decoded and without ;parameters: "%2e%2e" and "..;x" both read as ".."
            if (element instanceof PathContainer.PathSegment segment
                    && (".".equals(segment.valueToMatch()) || "..".equals(segment.valueToMatch()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.CANONICAL_PATH;
    }
}
