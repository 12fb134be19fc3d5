package io.cryptotracker.common.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 with {@code Retry-After} in whole seconds (at least one). */
public class TooManyRequestsException extends ApiException {

    public TooManyRequestsException(String code, String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, "Too Many Requests", detail, retryAfterHeader(retryAfter),
                Map.of("retry_after_seconds", seconds(retryAfter)));
    }

    static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static HttpHeaders retryAfterHeader(Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        return headers;
    }
}
