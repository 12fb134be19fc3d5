package io.cryptotracker.gateway.request;

import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 404 to what must never reach a service through the gateway, whoever asks: the services' {@code /internal/**}
 * (also as {@code //internal/**})
 * endpoints (service-to-service only, e.g. notification-service's ticket check), and any path with a {@code .} or
 * {@code ..} segment (plain or percent-encoded), which a route such as {@code /ws/**} would otherwise pass on for the
 * service to resolve to somewhere else, {@code /ws/../internal/...} for one.
 */
@Component
public class NeverRoutedPathFilter implements WebFilter, Ordered {

    private static final String INTERNAL = "internal";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (neverRouted(exchange.getRequest().getPath().pathWithinApplication())) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }

    static boolean neverRouted(PathContainer path) {
        boolean first = true;
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String value = segment.valueToMatch();
                if (value.isEmpty()) {
                    continue;
                }
                if (first && INTERNAL.equalsIgnoreCase(value) || ".".equals(value) || "..".equals(value)) {
                    return true;
                }
                first = false;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.NEVER_ROUTED;
    }
}
