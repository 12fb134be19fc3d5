package io.cryptotracker.common.web.servlet;

import io.cryptotracker.common.web.ServiceBusyException;
import io.cryptotracker.common.web.Problems;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;

/**
 * Maps every exception a controller lets through to RFC 9457 problem+json: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, and {@code errors[]} of {field, message} for bad input.
 * No stack trace, SQL or class name ever reaches the client; unexpected errors are logged with the request id.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ex.status(), ex.type(), ex.title(), ex.getMessage(),
                request.getRequestURI());
        ex.properties().forEach(problem::setProperty);
        return Problems.respond(ex.status(), ex.headers(), problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, Problems.validation(
                List.of(new FieldError(ex.getName(), "has an invalid value")), request.getRequestURI()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(Problems.jsonName(lastNode(v.getPropertyPath().toString())), v.getMessage()))
                .toList();
        return Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, Problems.validation(errors, request.getRequestURI()));
    }

    /**
     * The database is away or not answering (PostgreSQL restarting, the pool timed out): 503 with {@code Retry-After},
     * so a client – Telegram's webhook delivery among them – tries again instead of treating it as our bug.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
        return api(new ServiceBusyException("The service cannot reach its database for a moment. Try again shortly.",
                DATABASE_RETRY_AFTER), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return Problems.respond(HttpStatus.INTERNAL_SERVER_ERROR, HttpHeaders.EMPTY, Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error",
                "Something went wrong on our side. The request id in X-Request-Id helps us find it.",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                Problems.validation(Problems.fieldErrors(ex.getBindingResult()), path(request))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                Problems.validation(Problems.fieldErrors(ex), path(request))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> fields = Problems.bodyErrors(ex);
        if (!fields.isEmpty()) {
            return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                    Problems.validation(fields, path(request))));
        }
        return cast(Problems.respond(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, Problems.of(HttpStatus.BAD_REQUEST,
                "malformed-body", "Bad Request", "The request body is missing or is not valid JSON of the expected shape.",
                path(request))));
    }

    /** Every other Spring MVC exception (404, 405, 415, ...) keeps its status and gets our problem shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem = Problems.of(status, slug(status), status.getReasonPhrase(),
                body instanceof ProblemDetail detail && detail.getDetail() != null ? detail.getDetail()
                        : status.getReasonPhrase(), path(request));
        HttpHeaders kept = new HttpHeaders();
        kept.putAll(headers);
        kept.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, kept, status);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
