package io.cryptotracker.gateway.request;

import io.cryptotracker.common.web.RequestIds;
import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, if it is safe, else a new UUID), sends it to the service
 * behind the route and echoes it on the answer, whoever produced the answer.
 */
@Component
public class RequestIdWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerWebExchange tagged = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, requestId)))
                .build();
        tagged.getAttributes().put(LogContext.REQUEST_ID_ATTRIBUTE, requestId);

        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(RequestIds.HEADER, requestId);
        // set again at commit: a proxied answer adds the service's own echo of the header to ours
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(tagged);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.REQUEST_ID;
    }
}
