package io.cryptotracker.common.security.servlet;

import io.cryptotracker.common.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 401 and 403 problem+json for security exceptions thrown inside controllers (e.g. by {@code @PreAuthorize}); ahead
 * of {@link io.cryptotracker.common.web.servlet.ProblemDetailsAdvice}, whose catch-all would otherwise answer them with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityProblemAdvice {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
        return Problems.respond(HttpStatus.UNAUTHORIZED, HttpHeaders.EMPTY, Problems.of(
                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "Authentication is required.",
                request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex, HttpServletRequest request) {
        return Problems.respond(HttpStatus.FORBIDDEN, HttpHeaders.EMPTY, Problems.of(HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "You are not allowed to do this.", request.getRequestURI()));
    }
}
