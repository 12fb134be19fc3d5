package io.cryptotracker.common.web.reactive;

import java.util.Locale;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.common.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json for errors no controller advice saw (no handler for the path, a failing filter such as the
 * parameter check's {@link ApiException}), ahead of Boot's
 * default error handler, whose body would be the non-RFC {@code {timestamp, path, status, error}} shape.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        String path = exchange.getRequest().getPath().value();
        ProblemDetail problem;
        HttpStatus status;
        HttpStatus known = ex instanceof ResponseStatusException statusException
                ? HttpStatus.resolve(statusException.getStatusCode().value()) : null;
        if (ex instanceof ApiException api) {
            status = api.status();
            problem = Problems.of(status, api.type(), api.title(), api.getMessage(), path);
            api.properties().forEach(problem::setProperty);
            response.getHeaders().putAll(api.headers());
        }
        else if (known != null && !known.is5xxServerError()) {
            status = known;
            problem = Problems.of(status, status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'),
                    status.getReasonPhrase(), status.getReasonPhrase(), path);
            response.getHeaders().putAll(((ResponseStatusException) ex).getHeaders());
        }
        else {
            ExchangeLogContext.run(exchange,
                    () -> log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), path, ex));
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            problem = ReactiveProblemDetailsAdvice.internal(path);
        }
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Before Boot's {@code DefaultErrorWebExceptionHandler} (-1) and WebFlux's status handler (0). */
    @Override
    public int getOrder() {
        return -2;
    }
}
