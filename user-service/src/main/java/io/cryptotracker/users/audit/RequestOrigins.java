package io.cryptotracker.users.audit;

import io.cryptotracker.common.web.ClientIpResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** Reads a request's client address and user agent for the audit log. */
@Component
public class RequestOrigins {

    private final ClientIpResolver proxies;

    public RequestOrigins(AuditProperties properties) {
        this.proxies = new ClientIpResolver(properties.trustedProxies());
    }

    public RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(proxies.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
                request.getHeader(HttpHeaders.USER_AGENT));
    }
}
