package io.cryptotracker.gateway.ratelimit;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Charges a request the edge refused with 401 to its client address's bucket, so bad and missing tokens are limited
 * like any anonymous request and their answers carry the {@code X-RateLimit-*} headers too; once the bucket is empty
 * they get 429 instead.
 */
public class RefusedRequestLimitFilter implements WebFilter, Ordered {

    private final RateLimitWebFilter rateLimits;

    public RefusedRequestLimitFilter(RateLimitWebFilter rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(
                error -> error instanceof ApiException refused && refused.status() == HttpStatus.UNAUTHORIZED
                        && !exchange.getResponse().isCommitted()
                        && exchange.getAttribute(RateLimitWebFilter.CHARGED_ATTRIBUTE) == null,
                refused -> rateLimits.charge(exchange, null, Mono.error(refused)));
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.REFUSED_REQUEST_LIMIT;
    }
}
