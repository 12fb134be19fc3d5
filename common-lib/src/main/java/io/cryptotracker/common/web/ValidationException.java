package io.cryptotracker.common.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 400 with field errors, for checks that bean validation cannot express (a password policy, a cross-field rule). */
public class ValidationException extends ApiException {

    public ValidationException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Bad Request", "The request has invalid fields.",
                HttpHeaders.EMPTY, Map.of("errors", List.copyOf(errors)));
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}
