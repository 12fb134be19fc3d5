package io.cryptotracker.auth.console;

import java.util.Map;

import io.cryptotracker.common.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;

/**
 * 401: the console has no usable session (no refresh cookie, or one that is unknown, spent, revoked or expired).
 * The answer also clears the cookie, so the browser stops sending a dead token.
 */
class ConsoleSessionRefused extends ApiException {

    ConsoleSessionRefused(String detail, ResponseCookie cleared) {
        super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Unauthorized", detail, clearing(cleared), Map.of());
    }

    private static HttpHeaders clearing(ResponseCookie cleared) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.SET_COOKIE, cleared.toString());
        return headers;
    }
}
