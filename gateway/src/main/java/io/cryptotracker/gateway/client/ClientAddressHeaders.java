package io.cryptotracker.gateway.client;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a proxied request tells a service about its client: exactly one {@code X-Forwarded-For} with the address
 * {@link ClientAddressFilter} decided. Every address header the client (or a proxy in front) sent is dropped, so a
 * service that believes {@code X-Forwarded-For} from the gateway believes only the gateway's decision. Applies to
 * HTTP and WebSocket routes alike (Spring Cloud Gateway runs every {@link HttpHeadersFilter} on both).
 */
public class ClientAddressHeaders implements HttpHeadersFilter, Ordered {

    /** Headers through which a client could claim an address. */
    static final List<String> ADDRESS_HEADERS = List.of("Forwarded", ClientAddresses.FORWARDED_FOR,
            "X-Real-IP", "True-Client-IP", "X-Client-IP", "X-Cluster-Client-IP", "X-Original-Forwarded-For",
            "CF-Connecting-IP", "Fastly-Client-IP");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        ADDRESS_HEADERS.forEach(headers::remove);
        headers.set(ClientAddresses.FORWARDED_FOR, ClientAddressFilter.of(exchange));
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** After Spring Cloud Gateway's own forwarding filters, should they ever be switched on. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
