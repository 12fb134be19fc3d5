package io.cryptotracker.common.security.servlet;

import io.cryptotracker.common.security.JwtAuthentication;
import java.io.IOException;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.InvalidTokenException;
import io.cryptotracker.common.security.JwtVerifier;
import io.cryptotracker.common.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token. A request without one goes on
 * anonymous (the authorization rules decide); a request with a bad one is answered 401 at once.
 */
public class JwtAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final JwtVerifier verifier;
    private final ProblemResponses problems;

    public JwtAuthenticationFilter(JwtVerifier verifier, ProblemResponses problems) {
        this.verifier = verifier;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        AuthenticatedUser user;
        try {
            user = verifier.verify(header.substring(BEARER.length()).trim());
        }
        catch (InvalidTokenException ex) {
            SecurityContextHolder.clearContext();
            problems.unauthorized(request, response, "The bearer token is invalid or has expired.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthentication(user));
        SecurityContextHolder.setContext(context);
        MDC.put(RequestIds.MDC_USER_ID, user.id().toString());
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
