package io.cryptotracker.gateway.error;

import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Some gateway filters answer an error by setting a status and completing the response without a body (the
 * built-in {@code RequestRateLimiter} does so with 429). This gives such answers the same problem+json body as
 * every other error, keeping the headers the filter set ({@code Retry-After}, {@code X-RateLimit-*}).
 */
@Component
public class EmptyErrorBodyFilter implements WebFilter, Ordered {

    private final ProblemWriter writer;

    public EmptyErrorBodyFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status != null && status.isError() && !isCommitted() && getHeaders().getContentType() == null) {
                    return writer.write(getDelegate(), ErrorProblems.forStatus(status, path, HttpHeaders.EMPTY));
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.ERROR_BODIES;
    }
}
