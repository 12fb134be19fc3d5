package io.cryptotracker.gateway.request;

import java.util.List;
import java.util.Locale;

import io.cryptotracker.gateway.EdgeFilterOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes every {@code X-User-*} header a client sent, in any spelling, so no service can be fooled into trusting
 * an identity the caller made up.
 */
@Component
public class UserHeaderStrippingFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UserHeaderStrippingFilter.class);

    private static final String PREFIX = "x-user-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> spoofed = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(UserHeaderStrippingFilter::isUserHeader)
                .toList();
        if (spoofed.isEmpty()) {
            return chain.filter(exchange);
        }
        LogContext.run(exchange, () -> log.debug("Dropped client-sent headers {}", spoofed));
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> spoofed.forEach(headers::remove)))
                .build());
    }

    static boolean isUserHeader(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.STRIP_USER_HEADERS;
    }
}
