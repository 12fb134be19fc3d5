package io.cryptotracker.gateway.auth;

import java.time.Clock;
import java.util.List;

import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.gateway.EdgeFilterOrder;
import io.cryptotracker.gateway.request.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Checks the bearer token of every request that is not public, before it is routed, with the resource server's
 * {@link ReactiveJwtDecoder} common-reactive configures (RS256, pinned issuer, auth-service's JWKS found through
 * discovery) and common-lib's {@code Jwt} → {@link AuthenticatedUser} mapping, behind the edge's verified-token cache
 * ({@link RememberingJwtDecoder}, {@code cryptotracker.gateway.auth.token-cache.*}). The token stays in the
 * {@code Authorization} header: each service verifies it again and trusts nothing the network says.
 */
@Component
public class EdgeAuthenticationFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EdgeAuthenticationFilter.class);

    static final String TICKET_PARAMETER = "ticket";

    /**
     * The {@link AuthenticatedUser} of a verified bearer token. An exchange attribute, so nothing a client sends can
     * set it; absent on public endpoints and ticket paths.
     */
    public static final String VERIFIED_USER_ATTRIBUTE = EdgeAuthenticationFilter.class.getName() + ".verifiedUser";

    private final AccessRules rules;
    private final ReactiveJwtDecoder decoder;

    public EdgeAuthenticationFilter(EdgeAuthProperties properties, ReactiveJwtDecoder decoder, Clock clock) {
        this.rules = new AccessRules(properties.publicEndpoints(), properties.ticketPaths());
        EdgeAuthProperties.TokenCache cache = properties.tokenCache();
        this.decoder = cache.enabled()
                ? new RememberingJwtDecoder(decoder, clock, cache.ttl(), cache.maxTokens()) : decoder;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        AccessRules.Decision decision = rules.decide(request.getMethod(), request.getPath().pathWithinApplication().value(),
                request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                request.getQueryParams().getOrDefault(TICKET_PARAMETER, List.of()));
        if (decision instanceof AccessRules.Refused refused) {
            return Mono.error(Unauthenticated.missing(refused.detail()));
        }
        if (decision instanceof AccessRules.Bearer bearer) {
            return verify(bearer.token(), exchange).flatMap(user -> {
                exchange.getAttributes().put(LogContext.USER_ID_ATTRIBUTE, user.id());
                exchange.getAttributes().put(VERIFIED_USER_ATTRIBUTE, user);
                return chain.filter(exchange);
            });
        }
        return chain.filter(exchange);
    }

    /** The user whose token this filter verified, or {@code null}. */
    public static AuthenticatedUser verifiedUser(ServerWebExchange exchange) {
        return exchange.getAttribute(VERIFIED_USER_ATTRIBUTE);
    }

    /** The token's user; a token the decoder refuses is a 401 with {@code error="invalid_token"}. */
    private Mono<AuthenticatedUser> verify(String token, ServerWebExchange exchange) {
        return decoder.decode(token)
                .map(AccessTokens::user)
                .onErrorMap(JwtException.class, ex -> {
                    LogContext.run(exchange, () -> log.debug("Refused a token: {}", ex.getMessage()));
                    return Unauthenticated.invalidToken();
                });
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.AUTHENTICATION;
    }
}
