package io.cryptotracker.notifications.realtime;

import io.cryptotracker.common.security.reactive.ReactiveProblemResponses;
import io.cryptotracker.common.web.Problems;
import io.netty.channel.EventLoop;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/signals}: authenticates the upgrade request first and answers 401/403 problem+json instead of upgrading,
 * then upgrades on Reactor Netty directly, so the socket's frames are written by {@link LoopSessions} straight to its
 * channel. Runs after the security chain, which has verified a bearer token if one was sent.
 */
final class SignalSocketEndpoint implements WebFilter, Ordered {

    static final String PATH = "/ws/signals";

    private final SocketAuthenticator authenticator;
    private final SocketSessions sessions;
    private final ReactiveProblemResponses problems;
    private final JsonMapper json;
    private final WebsocketServerSpec spec;

    SignalSocketEndpoint(SocketAuthenticator authenticator, SocketSessions sessions, ReactiveProblemResponses problems,
            JsonMapper json, RealtimeProperties properties) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.problems = problems;
        this.json = json;
        this.spec = WebsocketServerSpec.builder()
                .handlePing(true)
                .compress(false)
                .maxFramePayloadLength(properties.maxFramePayload())
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        // no handler mapping sees this path: name it for http.server.requests, whose timing of an upgraded exchange
        // lasts as long as the socket (dashboards leave uri="/ws/signals" out of request latency)
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(context -> context.setPathPattern(PATH));
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return problem(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
                    "Open the socket with a GET upgrade request.");
        }
        return authenticator.authenticate(exchange).flatMap(outcome -> {
            if (outcome.status() == 401) {
                return problems.unauthorized(exchange, outcome.detail());
            }
            if (outcome.status() == 403) {
                return problems.forbidden(exchange, outcome.detail());
            }
            if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
                return problem(exchange, HttpStatus.BAD_REQUEST, "websocket-upgrade-required", "Bad Request",
                        "This is a WebSocket endpoint: send an upgrade request.");
            }
            ServerHttpResponse response = exchange.getResponse();
            HttpServerResponse nettyResponse = ServerHttpResponseDecorator.getNativeResponse(response);
            Mono<Void> upgrade = response.setComplete().then(Mono.defer(() -> nettyResponse.sendWebsocket(
                    (in, out) -> sessions.handle(in, out, outcome.userId(), outcome.tokenIssuedAt()), spec)));
            // The token or ticket was checked on another thread. Upgrade on the connection's event loop: there the
            // 101 is written and the connection switched to WebSocket in one go, so a frame the client sends at once
            // cannot reach the finished HTTP exchange and be dropped.
            EventLoop loop = ((Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()))
                    .channel().eventLoop();
            return loop.inEventLoop() ? upgrade : upgrade.subscribeOn(Schedulers.fromExecutor(loop));
        });
    }

    private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code, String title,
            String detail) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] body = json.writeValueAsBytes(Problems.of(status, code, title, detail,
                exchange.getRequest().getPath().value()));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** After the security chain (-100), before any handler. */
    @Override
    public int getOrder() {
        return 0;
    }
}
