package io.cryptotracker.gateway.support;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Extra routes for the failure paths, added next to the real ones: a service with no registered instance, an
 * instance that is down, a rate limiter that refuses everything, and a filter with a bug.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRoutes {

    @Bean
    RouteLocator failurePathRoutes(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("test-no-instance", route -> route.path("/test/no-instance/**").uri("lb://ghost-service"))
                .route("test-instance-down", route -> route.path("/test/instance-down/**").uri("lb://dead-service"))
                .route("test-rate-limited", route -> route.path("/test/rate-limited/**")
                        .filters(filters -> filters.requestRateLimiter(limiter -> limiter
                                .setRateLimiter(new RefuseEverything())
                                .setKeyResolver(exchange -> Mono.just("everyone"))))
                        .uri("lb://market-service"))
                .route("test-bug", route -> route.path("/test/bug/**")
                        .filters(filters -> filters.filter((exchange, chain) -> Mono.error(
                                new IllegalStateException("secret detail from io.cryptotracker.internal.Thing"))))
                        .uri("lb://market-service"))
                .build();
    }

    /** Answers like Spring Cloud Gateway's Redis limiter does for an empty bucket. */
    static class RefuseEverything implements RateLimiter<Object> {

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            return Mono.just(new Response(false, Map.of("X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "0",
                    "Retry-After", "7")));
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of();
        }

        @Override
        public Class<Object> getConfigClass() {
            return Object.class;
        }

        @Override
        public Object newConfig() {
            return new Object();
        }
    }
}
