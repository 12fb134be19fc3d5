package io.cryptotracker.gateway.error;

import io.cryptotracker.gateway.request.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every error raised at the gateway (no route, no instance, service unreachable, refused token, a bug)
 * with RFC 9457 problem+json, ahead of Spring Boot's own handler, which would answer plain JSON.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter writer;

    public ProblemErrorHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        ErrorProblems.Answer answer = ErrorProblems.of(error, path);
        LogContext.run(exchange, () -> log(exchange, answer, error));
        return writer.write(exchange.getResponse(), answer);
    }

    private static void log(ServerWebExchange exchange, ErrorProblems.Answer answer, Throwable error) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (answer.status().value() == 500) {
            log.error("Unexpected error on {}", request, error);
        }
        else if (answer.status().is5xxServerError()) {
            log.warn("{} answered {}: {}", request, answer.status().value(), error.toString());
        }
        else {
            log.debug("{} answered {}: {}", request, answer.status().value(), error.toString());
        }
    }
}
