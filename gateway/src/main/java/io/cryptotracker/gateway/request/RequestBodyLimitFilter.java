package io.cryptotracker.gateway.request;

import java.util.concurrent.atomic.AtomicLong;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers 413 to a request body over {@link RequestBodyProperties#maxSize()}, on every route: at once when its
 * {@code Content-Length} says so, else (a chunked body) as soon as the bytes read pass the limit, before the rest is
 * proxied. Spring Cloud Gateway's {@code RequestSize} filter reads only {@code Content-Length}, so a chunked body
 * would pass it.
 */
@Component
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestBodyLimitFilter(RequestBodyProperties properties) {
        this.maxBytes = properties.maxSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            // the body is left unread: the connection closes after the answer (RFC 9110 15.5.14), so a client still
            // sending it sees the 413 and its end instead of a connection that waits for the rest
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.error(tooLarge());
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
                || request.getHeaders().containsHeader(HttpHeaders.UPGRADE)) {
            // the server reads no more than a declared length; a request with neither a length nor a transfer coding
            // has no body at all (RFC 9112 6.3: every GET, most of the traffic); an upgrade has no body
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request)).build());
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large",
                "The request body is larger than " + maxBytes + " bytes.");
    }

    /** A body of unknown length that fails once more than the limit was read. */
    private final class CountingRequest extends ServerHttpRequestDecorator {

        CountingRequest(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.REQUEST_BODY_LIMIT;
    }
}
