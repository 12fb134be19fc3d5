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
 * Gives every answer the gateway writes or proxies {@code X-Content-Type-Options: nosniff}, and every HTML answer a
 * Content-Security-Policy (unless the service sent its own) that keeps it out of frames. Set when the answer is
 * committed, so problem answers written by the error handler and proxied answers get them too. Spring Security,
 * which would add such headers, is not part of the gateway.
 * <p>
 * In the same pass, an answer of a type the gateway compresses ({@code server.compression.mime-types}) gets
 * {@code Vary: Accept-Encoding}: Reactor Netty gzips such answers for clients that accept it but, unlike Tomcat, does
 * not say that the answer depends on the request's {@code Accept-Encoding}. The console's files are
 * {@code Cache-Control: public}, so a shared cache must not hand a gzipped copy to a client that cannot read it.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String FRAME_OPTIONS = "X-Frame-Options";

    /**
     * For Swagger UI, the only HTML the gateway serves: its scripts and stylesheets come from the gateway itself
     * (no inline script), it sets inline styles and uses data: images, and it fetches the API documents from here.
     */
    static final String HTML_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final List<MediaType> compressed;

    public SecurityHeadersFilter(ServerProperties server) {
        Compression compression = server.getCompression();
        this.compressed = compression.getEnabled()
                ? Arrays.stream(compression.getMimeTypes()).map(MediaType::parseMediaType).toList()
                : List.of();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set(CONTENT_TYPE_OPTIONS, "nosniff");
            MediaType type = headers.getContentType();
            if (type == null) {
                return Mono.empty();
            }
            if (MediaType.TEXT_HTML.isCompatibleWith(type) && !headers.containsHeader(CONTENT_SECURITY_POLICY)) {
                headers.set(CONTENT_SECURITY_POLICY, HTML_POLICY);
                headers.set(FRAME_OPTIONS, "DENY");
            }
            if (compressed.stream().anyMatch(candidate -> candidate.isCompatibleWith(type))
                    && !headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
                headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.SECURITY_HEADERS;
    }
}
