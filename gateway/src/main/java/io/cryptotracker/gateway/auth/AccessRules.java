package io.cryptotracker.gateway.auth;

import java.util.List;
import java.util.Locale;

import io.cryptotracker.gateway.EndpointPattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides what a request has to show at the edge: nothing (a public endpoint), a bearer token to verify, or, on
 * the WebSocket paths, a one-time ticket that the service behind checks. An access token in a URL is never taken.
 */
public final class AccessRules {

    private static final String BEARER_PREFIX = "bearer ";

    private final List<EndpointPattern> publicEndpoints;
    private final List<PathPattern> ticketPaths;

    public AccessRules(List<String> publicEndpoints, List<String> ticketPaths) {
        this.publicEndpoints = publicEndpoints.stream().map(EndpointPattern::parse).toList();
        this.ticketPaths = ticketPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param tickets the values of the {@code ticket} query parameter, empty if there is none
     */
    public Decision decide(HttpMethod method, String path, String authorization, List<String> tickets) {
        PathContainer pathContainer = PathContainer.parsePath(path);
        if (publicEndpoints.stream().anyMatch(endpoint -> endpoint.matches(method, pathContainer))) {
            return new Open();
        }
        if (authorization != null) {
            return bearer(authorization);
        }
        if (ticketPaths.stream().anyMatch(pattern -> pattern.matches(pathContainer)) && !tickets.isEmpty()) {
            return ticket(tickets);
        }
        return new Refused("A valid bearer token is required.");
    }

    private static Decision bearer(String authorization) {
        if (authorization.length() <= BEARER_PREFIX.length()
                || !authorization.substring(0, BEARER_PREFIX.length()).toLowerCase(Locale.ROOT).equals(BEARER_PREFIX)) {
            return new Refused("The Authorization header must carry a bearer token.");
        }
        String token = authorization.substring(BEARER_PREFIX.length()).trim();
        return token.isEmpty() ? new Refused("The Authorization header must carry a bearer token.") : new Bearer(token);
    }

    private static Decision ticket(List<String> tickets) {
        if (tickets.size() != 1 || tickets.get(0) == null || tickets.get(0).isBlank()) {
            return new Refused("Give exactly one ticket.");
        }
        if (looksLikeJwt(tickets.get(0))) {
            return new Refused("An access token never goes in a URL; open the socket with a ticket from "
                    + "POST /api/v1/notifications/ws-ticket.");
        }
        return new Ticket();
    }

    /** A compact JWS or JWE: a base64url JSON header ({@code eyJ} is {@code {"}) followed by dot-separated parts. */
    static boolean looksLikeJwt(String value) {
        return value.startsWith("eyJ") && value.indexOf('.') > 0 && value.indexOf('.') != value.lastIndexOf('.');
    }

    /** What the gateway does with a request. */
    public sealed interface Decision permits Open, Bearer, Ticket, Refused {
    }

    /** A public endpoint: passes as it is. */
    public record Open() implements Decision {
    }

    /** Passes once this token is verified. */
    public record Bearer(String token) implements Decision {
    }

    /** Passes to the service behind, which checks the ticket. */
    public record Ticket() implements Decision {
    }

    /** Answered with 401 and this explanation. */
    public record Refused(String detail) implements Decision {
    }
}
