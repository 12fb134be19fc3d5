package io.cryptotracker.common.web.reactive;

import io.cryptotracker.common.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the gateway's {@code X-Request-Id} (or makes one) and echoes it on the response; kept as an exchange attribute
 * because a reactive request hops between threads (the servlet {@code RequestIdFilter}'s twin).
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID_ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(RequestIds.HEADER, requestId);
        return chain.filter(exchange);
    }

    /** First, ahead of the security chain, so a 401 carries the id too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
