package io.cryptotracker.common.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** 503: the service is saturated for a moment (a bounded queue is full); try again after {@code Retry-After}. */
public class ServiceBusyException extends ApiException {

    public ServiceBusyException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service Unavailable", detail,
                TooManyRequestsException.retryAfterHeader(retryAfter), Map.of());
    }
}
