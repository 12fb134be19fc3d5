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
 * Answers 404 to the services' {@code /internal/**} endpoints (service-to-service only, e.g. notification-service's
 * ticket check), whoever asks. Runs after {@link CanonicalPathFilter}, so the path has no empty or dot segments
 * ({@code //internal}, {@code /ws/../internal}) by then.
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
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                return INTERNAL.equalsIgnoreCase(segment.valueToMatch());
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.NEVER_ROUTED;
    }
}
