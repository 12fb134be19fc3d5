package io.cryptotracker.common.web;

import org.springframework.http.HttpStatus;

/** 409: the request clashes with what exists (a taken email, a concurrent change). */
public class ConflictException extends ApiException {

    public ConflictException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, "Conflict", detail);
    }
}
