package io.cryptotracker.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The edge decides who passes itself, before routing ({@link EdgeAuthenticationFilter} with {@link AccessRules}, then
 * the rate limits and the WebSocket check in their order), and writes its own security headers; so Spring Security's
 * web filters have nothing to do here. In place of the chain common-reactive gives the services, the gateway
 * declares one that matches no request: Spring Security's filter passes every request straight on, without running
 * its filters (a permit-all chain still ran six of them, with an observation around each, on every request). The
 * decoder the edge filter uses is common-reactive's.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    @Bean
    SecurityWebFilterChain edgeSecurityWebFilterChain() {
        return new SecurityWebFilterChain() {

            @Override
            public Mono<Boolean> matches(ServerWebExchange exchange) {
                return NO_MATCH;
            }

            @Override
            public Flux<WebFilter> getWebFilters() {
                return Flux.empty();
            }
        };
    }

    private static final Mono<Boolean> NO_MATCH = Mono.just(false);
}
