package io.cryptotracker.common.web.servlet;

import io.cryptotracker.common.web.ClientIpResolver;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@link HttpServletRequest#getRemoteAddr()} the client's address as the gateway decided it: the gateway
 * replaces whatever forwarding headers a client sent with one {@code X-Forwarded-For} naming the client, and a
 * service believes that header only when the connection comes from a trusted proxy
 * ({@code cryptotracker.web.trusted-proxies}, the gateway's addresses). Everything that needs the client's address
 * (login throttles, audit entries) reads {@code getRemoteAddr()} and nothing else.
 */
public class ClientAddressFilter extends OncePerRequestFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientIpResolver resolver;

    public ClientAddressFilter(ClientIpResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> values = request.getHeaders(FORWARDED_FOR);
        String forwardedFor = values == null || !values.hasMoreElements() ? null
                : String.join(",", Collections.list(values));
        String client = resolver.resolve(request.getRemoteAddr(), forwardedFor);
        if (client == null || client.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }
}
