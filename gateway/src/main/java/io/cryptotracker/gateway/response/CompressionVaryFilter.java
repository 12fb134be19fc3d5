package io.cryptotracker.gateway.response;

import java.util.Arrays;
import java.util.List;

import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Vary: Accept-Encoding} to every answer of a type the gateway compresses
 * ({@code server.compression.mime-types}): Reactor Netty gzips such answers for clients that accept it but, unlike
 * Tomcat, does not say that the answer depends on the request's {@code Accept-Encoding}. The console's files are
 * {@code Cache-Control: public}, so a shared cache must not hand a gzipped copy to a client that cannot read it.
 */
@Component
public class CompressionVaryFilter implements WebFilter, Ordered {

    private final List<MediaType> compressed;

    public CompressionVaryFilter(ServerProperties server) {
        Compression compression = server.getCompression();
        this.compressed = compression.getEnabled()
                ? Arrays.stream(compression.getMimeTypes()).map(MediaType::parseMediaType).toList()
                : List.of();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (compressed.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            MediaType type = headers.getContentType();
            if (type != null && compressed.stream().anyMatch(candidate -> candidate.isCompatibleWith(type))
                    && !headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
                headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.COMPRESSION_VARY;
    }
}
