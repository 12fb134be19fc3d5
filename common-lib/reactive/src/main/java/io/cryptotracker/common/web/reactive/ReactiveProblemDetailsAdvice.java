package io.cryptotracker.common.web.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.Problems;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link io.cryptotracker.common.web.servlet.ProblemDetailsAdvice}: every exception a WebFlux controller
 * lets through becomes RFC 9457 problem+json, with {@code errors[]} of {field, message} (snake_case) for bad input and a
 * 400 naming a malformed or missing parameter. No stack trace, SQL or class name reaches the client.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ReactiveProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReactiveProblemDetailsAdvice.class);

    private static final boolean SECURITY_PRESENT = isPresent(
            "org.springframework.security.access.AccessDeniedException");

    @ExceptionHandler(ApiException.class)
    Mono<ResponseEntity<ProblemDetail>> api(ApiException ex, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(ex.status(), ex.type(), ex.title(), ex.getMessage(), path(exchange));
        ex.properties().forEach(problem::setProperty);
        return Mono.just(Problems.respond(ex.status(), ex.headers(), problem));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Mono<ResponseEntity<ProblemDetail>> constraintViolation(ConstraintViolationException ex,
            ServerWebExchange exchange) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(Problems.jsonName(lastNode(v.getPropertyPath().toString())), v.getMessage()))
                .toList();
        return Mono.just(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                Problems.validation(errors, path(exchange))));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex, ServerWebExchange exchange) {
        if (SECURITY_PRESENT && ex instanceof AuthenticationException) {
            return Mono.just(Problems.respond(HttpStatus.UNAUTHORIZED, HttpHeaders.EMPTY, Problems.of(HttpStatus.UNAUTHORIZED,
                    "unauthorized", "Unauthorized", "Authentication is required.", path(exchange))));
        }
        if (SECURITY_PRESENT && ex instanceof AccessDeniedException) {
            return Mono.just(Problems.respond(HttpStatus.FORBIDDEN, HttpHeaders.EMPTY, Problems.of(HttpStatus.FORBIDDEN,
                    "forbidden", "Forbidden", "You are not allowed to do this.", path(exchange))));
        }
        ExchangeLogContext.run(exchange,
                () -> log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), path(exchange), ex));
        return Mono.just(Problems.respond(HttpStatus.INTERNAL_SERVER_ERROR, HttpHeaders.EMPTY, internal(path(exchange))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                Problems.validation(Problems.fieldErrors(ex.getBindingResult()), path(exchange))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                Problems.validation(Problems.fieldErrors(ex), path(exchange))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, Problems.validation(
                List.of(new FieldError(ex.getName(), "is required")), path(exchange))));
    }

    /** A malformed parameter (type mismatch) is a 400 naming it; an unreadable body a 400 saying so. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String name = parameterName(ex);
        if (name != null) {
            return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, Problems.validation(
                    List.of(new FieldError(name, "has an invalid value")), path(exchange))));
        }
        List<FieldError> fields = Problems.bodyErrors(ex);
        if (!fields.isEmpty()) {
            return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                    Problems.validation(fields, path(exchange))));
        }
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, Problems.of(HttpStatus.BAD_REQUEST,
                "malformed-body", "Bad Request",
                "The request body is missing or is not valid JSON of the expected shape.", path(exchange))));
    }

    /** Every other WebFlux exception (404, 405, 415, ...) keeps its status and gets our problem shape. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
            @Nullable HttpHeaders headers, HttpStatusCode statusCode, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        if (status.is5xxServerError()) {
            ExchangeLogContext.run(exchange,
                    () -> log.error("Error on {} {}", exchange.getRequest().getMethod(), path(exchange), ex));
        }
        ProblemDetail problem = status.is5xxServerError() ? internalOf(status, path(exchange))
                : Problems.of(status, slug(status), status.getReasonPhrase(),
                        body instanceof ProblemDetail detail && detail.getDetail() != null ? detail.getDetail()
                                : status.getReasonPhrase(), path(exchange));
        HttpHeaders kept = new HttpHeaders();
        if (headers != null) {
            kept.putAll(headers);
        }
        kept.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.just(new ResponseEntity<>(problem, kept, status));
    }

    private static String parameterName(ServerWebInputException ex) {
        if (ex.getCause() instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return Problems.jsonName(mismatch.getPropertyName());
        }
        MethodParameter parameter = ex.getMethodParameter();
        if (parameter != null && ex.getCause() instanceof TypeMismatchException) {
            return parameter.getParameterName();
        }
        return null;
    }

    static ProblemDetail internal(String instance) {
        return internalOf(HttpStatus.INTERNAL_SERVER_ERROR, instance);
    }

    private static ProblemDetail internalOf(HttpStatus status, String instance) {
        return Problems.of(status, "internal", status.getReasonPhrase(),
                "Something went wrong on our side. The request id in X-Request-Id helps us find it.", instance);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Mono<ResponseEntity<Object>> cast(ResponseEntity<ProblemDetail> entity) {
        return Mono.just((ResponseEntity) entity);
    }

    static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ReactiveProblemDetailsAdvice.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException ex) {
            return false;
        }
    }
}
