package io.cryptotracker.gateway.client;

import java.net.InetSocketAddress;
import java.util.List;

import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Decides the client's address once, before anything else looks at the request: the connection's peer, or the
 * {@code X-Forwarded-For} of a trusted proxy in front. Rate limits read it with {@link #of}, and
 * {@link ClientAddressHeaders} hands it to the services; nothing else reads the forwarding headers.
 */
public class ClientAddressFilter implements WebFilter, Ordered {

    static final String ATTRIBUTE = ClientAddressFilter.class.getName() + ".address";

    private final ClientAddresses addresses;

    public ClientAddressFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ATTRIBUTE, addresses.clientOf(exchange.getRequest().getRemoteAddress(),
                exchange.getRequest().getHeaders().getOrDefault(ClientAddresses.FORWARDED_FOR, List.of())));
        return chain.filter(exchange);
    }

    /** The address this filter decided; the connection's peer for an exchange it never saw. */
    public static String of(ServerWebExchange exchange) {
        String decided = exchange.getAttribute(ATTRIBUTE);
        if (decided != null) {
            return decided;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.CLIENT_ADDRESS;
    }
}
