package io.cryptotracker.common.security.reactive;

import io.cryptotracker.common.web.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the 401 and 403 answers of the reactive security chain (and of WebSocket handshakes) as problem+json. */
public class ReactiveProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper json;

    public ReactiveProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        return unauthorized(exchange, ex instanceof OAuth2AuthenticationException
                ? "The bearer token is invalid or has expired." : "A valid bearer token is required.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return forbidden(exchange, "You are not allowed to do this.");
    }

    /** 401 with {@code WWW-Authenticate: Bearer}. */
    public Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    /** 403. */
    public Mono<Void> forbidden(ServerWebExchange exchange, String detail) {
        return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(Problems.of(status, code, title, detail,
                exchange.getRequest().getPath().value()));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
