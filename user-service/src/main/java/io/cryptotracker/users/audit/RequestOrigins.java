package io.cryptotracker.users.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads a request's client address (as the gateway decided it; common-lib's {@code ClientAddressFilter} makes it
 * the request's remote address) and user agent for the audit log.
 */
@Component
public class RequestOrigins {

    public RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
