import java.net.URI;
import java.time.Duration;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * {@code /ws/signals} as a real WebSocket server on the origin's loopback address (Reactor Netty), for comparison with
 * Playwright's {@code routeWebSocket}, whose frames reach the page through the driver instead of the browser's
 * network stack. Checks the ticket before the upgrade (401 otherwise), as notification-service does.
 */
final class LoopbackSocket implements AutoCloseable {

    private final DisposableServer server;

    LoopbackSocket(URI origin, FakeSuite suite) {
        server = HttpServer.create().host(origin.getHost()).port(origin.getPort())
                .handle((request, response) -> {
                    if (!request.uri().startsWith("/ws/signals")) {
                        return response.status(HttpResponseStatus.NOT_FOUND).send();
                    }
                    if (!suite.spendTicket(FakeSuite.ticketOf(origin.resolve(request.uri()).toString()))) {
                        return response.status(HttpResponseStatus.UNAUTHORIZED).send();
                    }
                    return response.sendWebsocket((in, out) -> {
                        Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
                        FakeSuite.LiveSocket live = new FakeSuite.LiveSocket() {
                            @Override
                            public synchronized void send(String frame) {
                                frames.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
                            }
                        };
                        suite.opened(live);
                        Mono<Void> inbound = in.receive().asString().doOnNext(text -> suite.received(text, live))
                                .doFinally(signal -> {
                                    suite.closed(live);
                                    frames.tryEmitComplete();
                                })
                                .then();
                        return Mono.when(inbound, out.sendString(frames.asFlux()).then());
                    });
                })
                .bindNow();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
