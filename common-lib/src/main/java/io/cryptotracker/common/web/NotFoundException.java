package io.cryptotracker.common.web;

import org.springframework.http.HttpStatus;

/** 404: the thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not Found", detail);
    }
}
