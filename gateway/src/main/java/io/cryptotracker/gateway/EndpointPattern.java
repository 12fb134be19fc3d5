package io.cryptotracker.gateway;

import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An endpoint in the gateway's settings: {@code "METHOD /path/pattern"}, or {@code "/path/pattern"} for any method. A
 * {@code GET} endpoint covers {@code HEAD} too (a GET without its body, as every Spring handler answers it), so a
 * link checker or a load balancer's probe gets what a browser gets.
 */
public record EndpointPattern(HttpMethod method, PathPattern pattern) {

    public static EndpointPattern parse(String definition) {
        String[] parts = definition.trim().split("\\s+");
        if (parts.length == 1) {
            return new EndpointPattern(null, PathPatternParser.defaultInstance.parse(parts[0]));
        }
        if (parts.length == 2) {
            return new EndpointPattern(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    PathPatternParser.defaultInstance.parse(parts[1]));
        }
        throw new IllegalArgumentException("Not \"METHOD /path\": " + definition);
    }

    public boolean matches(HttpMethod requestMethod, PathContainer path) {
        return (method == null || method.equals(requestMethod)
                || (method.equals(HttpMethod.GET) && HttpMethod.HEAD.equals(requestMethod))) && pattern.matches(path);
    }
}
