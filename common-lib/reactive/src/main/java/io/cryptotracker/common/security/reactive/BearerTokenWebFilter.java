package io.cryptotracker.common.security.reactive;

import java.util.Optional;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.InvalidTokenException;
import io.cryptotracker.common.security.JwtVerifier;
import io.cryptotracker.common.security.JwtAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates an exchange by its {@code Authorization: Bearer} access token. An exchange without one goes on
 * anonymous (the authorization rules decide); one with a bad token is answered 401 at once. The token is verified off
 * the event loop, since an unknown key id makes {@link JwtVerifier} fetch the JWKS over HTTP.
 */
public class BearerTokenWebFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    /** Exchange attribute holding the verified {@link AuthenticatedUser}, for code that is not in the Reactor context. */
    public static final String USER_ATTRIBUTE = BearerTokenWebFilter.class.getName() + ".user";

    /** Exchange attribute holding the raw verified token (never logged), for claims a service reads beyond the user. */
    public static final String TOKEN_ATTRIBUTE = BearerTokenWebFilter.class.getName() + ".token";

    private final JwtVerifier verifier;
    private final ReactiveProblemResponses problems;

    public BearerTokenWebFilter(JwtVerifier verifier, ReactiveProblemResponses problems) {
        this.verifier = verifier;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return chain.filter(exchange);
        }
        String token = header.substring(BEARER.length()).trim();
        return Mono.fromCallable(() -> Optional.of(verifier.verify(token)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorReturn(InvalidTokenException.class, Optional.empty())
                .flatMap(verified -> {
                    if (verified.isEmpty()) {
                        return problems.unauthorized(exchange, "The bearer token is invalid or has expired.");
                    }
                    AuthenticatedUser user = verified.get();
                    exchange.getAttributes().put(USER_ATTRIBUTE, user);
                    exchange.getAttributes().put(TOKEN_ATTRIBUTE, token);
                    return chain.filter(exchange).contextWrite(
                            ReactiveSecurityContextHolder.withAuthentication(new JwtAuthentication(user)));
                });
    }
}
