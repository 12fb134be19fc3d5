package io.cryptotracker.gateway.websocket;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.gateway.EdgeFilterOrder;
import io.cryptotracker.gateway.auth.EdgeAuthProperties;
import io.cryptotracker.gateway.auth.EdgeAuthenticationFilter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Refuses a WebSocket that notification-service would refuse, before the gateway proxies the upgrade: a verified
 * bearer token of a user who is not VIP gets 403; a {@code ?ticket=} is checked with notification-service (not used
 * up: notification-service takes it on the upgrade) and an unknown one gets 401. Runs after authentication, which has
 * already refused requests with neither, and after rate limiting, so that guessing tickets costs the caller quota.
 */
@Component
public class WebSocketAccessFilter implements WebFilter, Ordered {

    /** A ticket is an opaque URL-safe string; anything else is not sent on to notification-service at all. */
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_~.-]{1,512}");

    private final List<PathPattern> webSocketPaths;
    private final TicketCheck tickets;

    public WebSocketAccessFilter(EdgeAuthProperties auth, WebSocketAccessProperties properties,
            ObjectProvider<LoadBalancedExchangeFilterFunction> loadBalancer,
            ObjectProvider<LoadBalancerClientFactory> loadBalancers, ObjectProvider<ObservationRegistry> observations) {
        this.webSocketPaths = auth.ticketPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        LoadBalancedExchangeFilterFunction lb = loadBalancer.getIfAvailable(() -> {
            LoadBalancerClientFactory factory = loadBalancers.getIfAvailable();
            return factory == null ? null : new ReactorLoadBalancerExchangeFilterFunction(factory, List.of());
        });
        this.tickets = new TicketCheck(lb,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), properties);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (webSocketPaths.stream().noneMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        AuthenticatedUser user = EdgeAuthenticationFilter.verifiedUser(exchange);
        if (user != null) {
            return user.isVip() ? chain.filter(exchange) : Mono.error(notVip());
        }
        String ticket = exchange.getRequest().getQueryParams().getFirst("ticket");
        if (ticket == null) {
            // authentication lets nothing else through here; should that change, refuse rather than proxy
            return Mono.error(TicketCheck.invalidTicket());
        }
        if (!TICKET.matcher(ticket).matches() || ticket.chars().allMatch(c -> c == '.')) {
            return Mono.error(TicketCheck.invalidTicket());
        }
        return tickets.check(ticket).then(Mono.defer(() -> chain.filter(exchange)));
    }

    static ApiException notVip() {
        return new ApiException(HttpStatus.FORBIDDEN, "vip-required", "Forbidden",
                "Real-time signals over WebSocket are for VIP users.", HttpHeaders.EMPTY,
                Map.of());
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.WEBSOCKET_ACCESS;
    }
}
