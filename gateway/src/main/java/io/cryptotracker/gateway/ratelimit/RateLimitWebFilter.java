package io.cryptotracker.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executor;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.TooManyRequestsException;
import io.cryptotracker.gateway.EdgeFilterOrder;
import io.cryptotracker.gateway.auth.EdgeAuthenticationFilter;
import io.cryptotracker.gateway.client.ClientAddressFilter;
import io.cryptotracker.gateway.client.ClientAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Charges every request that passed authentication to a token bucket: the verified user's own (by tier) or, without
 * a verified token, the client address's. Every answer carries {@code X-RateLimit-Limit} (the bucket's capacity) and
 * {@code X-RateLimit-Remaining}; an empty bucket answers 429 problem+json with {@code Retry-After}.
 */
public class RateLimitWebFilter implements WebFilter, Ordered {

    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RatePolicies policies;
    private final EdgeRateLimiter limiter;
    private final MeterRegistry meters;

    public RateLimitWebFilter(RatePolicies policies, EdgeRateLimiter limiter,
            MeterRegistry meters) {
        this.policies = policies;
        this.limiter = limiter;
        this.meters = meters;
    }

    /**
     * Set once a request was charged, so a 401 raised after the rate limit (the WebSocket ticket check) is not
     * charged a second time by {@link RefusedRequestLimitFilter}.
     */
    static final String CHARGED_ATTRIBUTE = RateLimitWebFilter.class.getName() + ".charged";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return charge(exchange, EdgeAuthenticationFilter.verifiedUser(exchange), chain.filter(exchange));
    }

    /**
     * Takes a token for this request ({@code user} {@code null}: by client address) and, if there was one,
     * continues with {@code next}; else fails with 429. Either way the answer gets the {@code X-RateLimit-*} headers.
     */
    Mono<Void> charge(ServerWebExchange exchange, AuthenticatedUser user, Mono<Void> next) {
        ServerHttpRequest request = exchange.getRequest();
        RatePolicies.Policy policy = policies.resolve(request.getMethod(), request.getPath().pathWithinApplication().value());
        if (policy.exempt()) {
            return next;
        }
        RateTier tier;
        String key;
        if (user == null || policy.keyBy() == RateLimitProperties.KeyBy.IP) {
            tier = RateTier.ANONYMOUS;
            key = "rl:" + policy.name() + ":ip:" + ClientAddresses.bucketKey(ClientAddressFilter.of(exchange));
        }
        else {
            tier = RateTier.of(user);
            key = "rl:" + policy.name() + ":user:" + user.id();
        }
        Quota quota = policy.quotas().of(tier);
        exchange.getAttributes().put(CHARGED_ATTRIBUTE, Boolean.TRUE);
        return limiter.take(key, quota, eventLoopOf(exchange)).flatMap(answer -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(LIMIT_HEADER, Long.toString(quota.burst()));
            headers.set(REMAINING_HEADER, Long.toString(answer.remaining()));
            if (answer.allowed()) {
                return next;
            }
            rejected(policy, tier).increment();
            return Mono.error(new TooManyRequestsException("too-many-requests",
                    "Too many requests. Retry after the number of seconds in Retry-After.",
                    Duration.ofMillis(answer.waitMillis())));
        });
    }

    /** The Netty event loop serving this request, or {@code null} (not on Reactor Netty, e.g. a mock request). */
    static Executor eventLoopOf(ServerWebExchange exchange) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : null;
    }

    private Counter rejected(RatePolicies.Policy policy, RateTier tier) {
        return Counter.builder("gateway.ratelimit.rejected")
                .description("Requests answered 429 because the caller's bucket was empty")
                .tag("policy", policy.name())
                .tag("tier", tier.name())
                .register(meters);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.RATE_LIMIT;
    }
}
