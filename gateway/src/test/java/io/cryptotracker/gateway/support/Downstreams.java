package io.cryptotracker.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The services behind the gateway, as real HTTP servers on random ports, started once per test JVM: WireMock plays
 * auth-service (with its JWKS), user-service, market-service and signals-service and answers
 * {@code {"served_by": "<service>"}}; a small Reactor Netty server plays notification-service, WebSocket and internal ticket check included.
 */
public final class Downstreams {

    public static final WireMockServer AUTH = wireMock("auth-service");
    public static final WireMockServer USERS = wireMock("user-service");
    public static final WireMockServer MARKET = wireMock("market-service");
    public static final WireMockServer SIGNALS = wireMock("signals-service");
    public static final DisposableServer NOTIFICATIONS = notificationService();
    /** A port nothing listens on: a registered instance that is down. */
    public static final int DEAD_PORT = freePort();

    static {
        AUTH.stubFor(get(urlPathEqualTo("/.well-known/jwks.json")).atPriority(1).willReturn(okJson(TestTokens.jwks())));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List.of(AUTH, USERS, MARKET, SIGNALS).forEach(WireMockServer::stop);
            NOTIFICATIONS.disposeNow();
        }));
    }

    private Downstreams() {
    }

    public static void forgetRequests() {
        List.of(AUTH, USERS, MARKET, SIGNALS).forEach(WireMockServer::resetRequests);
        TICKET_CHECKS.clear();
        UPGRADES.clear();
    }

    /** How many requests the WireMock services received in all, whatever the path. */
    public static int receivedInAll() {
        return List.of(AUTH, USERS, MARKET, SIGNALS).stream()
                .mapToInt(service -> service.findAll(anyRequestedFor(anyUrl())).size()).sum();
    }

    /** Every request a WireMock service received for this path. */
    public static List<LoggedRequest> received(WireMockServer service, String path) {
        return service.findAll(anyRequestedFor(urlPathEqualTo(path)));
    }

    private static WireMockServer wireMock(String name) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("localhost").containerThreads(12).jettyAcceptors(1));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{\"served_by\":\"" + name + "\"}")));
        return server;
    }

    /** Tickets notification-service's stub knows ({@code GET /internal/v1/ws-tickets/{ticket}} answers 200). */
    public static final Set<String> VALID_TICKETS = Set.of("t-5b1e0c", "t-77");
    /** A ticket whose check fails with 500, as when notification-service's database is away. */
    public static final String BROKEN_TICKET = "t-broken";
    /** A ticket whose check answers only after 5 s. */
    public static final String SLOW_TICKET = "t-slow";
    /** Ticket checks notification-service's stub received, as paths. */
    public static final Queue<String> TICKET_CHECKS = new ConcurrentLinkedQueue<>();
    /** WebSocket upgrades notification-service's stub accepted, as URIs. */
    public static final Queue<String> UPGRADES = new ConcurrentLinkedQueue<>();

    /** An 8 KB JSON body notification-service's stub answers at {@code /api/v1/notifications/large}. */
    public static final String LARGE_JSON = "{\"items\":[" + String.join(",",
            Collections.nCopies(200, "{\"title\":\"Spread alert\",\"read\":false}")) + "]}";

    private static DisposableServer notificationService() {
        return HttpServer.create().host("localhost").port(0)
                .route(routes -> routes
                        .get("/internal/v1/ws-tickets/{ticket}", (request, response) -> {
                            TICKET_CHECKS.add(request.path());
                            String ticket = request.param("ticket");
                            if (VALID_TICKETS.contains(ticket)) {
                                return response.header("Content-Type", "application/json").sendString(Mono.just(
                                        "{\"user_id\":\"" + TestTokens.USER_ID + "\",\"expires_at\":\"2099-01-01T00:00:00Z\"}"));
                            }
                            if (BROKEN_TICKET.equals(ticket)) {
                                return response.status(500).send();
                            }
                            if (SLOW_TICKET.equals(ticket)) {
                                return Mono.delay(Duration.ofSeconds(5)).then(response.status(200).send());
                            }
                            return response.status(404).header("Content-Type", "application/problem+json")
                                    .sendString(Mono.just("{\"status\":404,\"title\":\"Not Found\"}"));
                        })
                        .get("/ws/signals", (request, response) -> Mono.fromRunnable(() -> UPGRADES.add(request.uri()))
                                .then(response.sendWebsocket(
                                // stays open: a close right after the frame could overtake it through the proxy
                                (in, out) -> out.sendString(Mono.just(describe(request)).concatWith(Mono.never())))))
                        // a JSON answer large enough for compression to apply, if it applied to JSON
                        .get("/api/v1/notifications/large", (request, response) -> response
                                .header("Content-Type", "application/json")
                                .sendString(Mono.just(LARGE_JSON)))
                        .route(request -> true, (request, response) -> response
                                .header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"served_by\":\"notification-service\"}"))))
                .bindNow();
    }

    /** What the WebSocket handshake brought to notification-service, sent back as the first frame. */
    private static String describe(HttpServerRequest request) {
        return "uri=" + request.uri()
                + "\nauthorization=" + request.requestHeaders().get("Authorization")
                + "\nx-request-id=" + request.requestHeaders().get("X-Request-Id")
                + "\nx-user-id=" + request.requestHeaders().get("X-User-Id")
                + "\nx-forwarded-for=" + request.requestHeaders().getAll("X-Forwarded-For")
                + "\nx-real-ip=" + request.requestHeaders().get("X-Real-IP");
    }

    public static String url(WireMockServer server) {
        return "http://localhost:" + server.port();
    }

    public static String url(DisposableServer server) {
        return "http://localhost:" + server.port();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
