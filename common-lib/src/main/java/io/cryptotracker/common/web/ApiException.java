package io.cryptotracker.common.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error a service reports to its caller on purpose; {@link ProblemDetailsAdvice} turns it into RFC 9457
 * problem+json with this status, title and detail. The detail is shown to the caller: no secrets, no internals.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final HttpHeaders headers;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, HttpHeaders.EMPTY, Map.of());
    }

    public ApiException(HttpStatus status, String code, String title, String detail, HttpHeaders headers,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.headers = headers;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable problem type URI clients may switch on. */
    public URI type() {
        return Problems.type(code);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
