package io.cryptotracker.gateway.auth;

import java.util.Map;

import io.cryptotracker.common.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The gateway's 401, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
final class Unauthenticated {

    private Unauthenticated() {
    }

    static ApiException missing(String detail) {
        return of(detail, "Bearer");
    }

    static ApiException invalidToken() {
        return of("The bearer token is invalid or has expired.", "Bearer error=\"invalid_token\"");
    }

    private static ApiException of(String detail, String challenge) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, headers, Map.of());
    }
}
