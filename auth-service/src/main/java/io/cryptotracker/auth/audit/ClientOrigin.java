package io.cryptotracker.auth.audit;

import io.cryptotracker.auth.audit.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The {@link RequestOrigin} of an HTTP request: the client address the gateway decided (common-lib's
 * {@code ClientAddressFilter} makes it the request's remote address) and the user agent.
 */
@Component
public class ClientOrigin {

    public RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
