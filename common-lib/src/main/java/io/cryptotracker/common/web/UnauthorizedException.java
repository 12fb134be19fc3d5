package io.cryptotracker.common.web;

import org.springframework.http.HttpStatus;

/** 401: credentials or a token were missing or wrong. */
public class UnauthorizedException extends ApiException {

    public UnauthorizedException(String code, String detail) {
        super(HttpStatus.UNAUTHORIZED, code, "Unauthorized", detail);
    }
}
