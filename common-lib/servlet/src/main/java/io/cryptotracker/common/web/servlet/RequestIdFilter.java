package io.cryptotracker.common.web.servlet;

import io.cryptotracker.common.web.RequestIds;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the gateway's {@code X-Request-Id} (or makes one), echoes it on the response and puts it in the logging MDC
 * for the whole request, so every log line of a request can be found by it.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(RequestIds.MDC_REQUEST_ID);
            MDC.remove(RequestIds.MDC_USER_ID);
        }
    }
}
