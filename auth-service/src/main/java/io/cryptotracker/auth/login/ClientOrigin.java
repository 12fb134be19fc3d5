package io.cryptotracker.auth.login;

import io.cryptotracker.common.web.ClientIpResolver;
import java.util.Collections;
import java.util.Enumeration;

import io.cryptotracker.auth.audit.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The {@link RequestOrigin} of an HTTP request: client IP through trusted proxies, and the user agent. */
@Component
public class ClientOrigin {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientIpResolver resolver;

    public ClientOrigin(ClientIpProperties properties) {
        this.resolver = new ClientIpResolver(properties.trustedProxies());
    }

    public RequestOrigin of(HttpServletRequest request) {
        Enumeration<String> forwarded = request.getHeaders(FORWARDED_FOR);
        String hops = forwarded == null || !forwarded.hasMoreElements() ? null
                : String.join(",", Collections.list(forwarded));
        return new RequestOrigin(resolver.resolve(request.getRemoteAddr(), hops),
                request.getHeader(HttpHeaders.USER_AGENT));
    }
}
