package io.cryptotracker.gateway.websocket;

import java.time.Duration;
import java.util.Map;

import io.cryptotracker.common.web.ApiException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks notification-service whether a WebSocket ticket is valid, without using it up
 * ({@code GET /internal/v1/ws-tickets/{ticket}}: 200 or 404). The ticket is a credential: it never appears in a log
 * line, a span or a problem the gateway writes.
 */
public class TicketCheck {

    private static final Logger log = LoggerFactory.getLogger(TicketCheck.class);

    static final String MASK = "****";
    private static final String LOAD_BALANCED = "lb://";

    private final WebClient client;
    private final String uriTemplate;
    private final Duration timeout;

    public TicketCheck(ExchangeFilterFunction loadBalancer, ObservationRegistry observations,
            WebSocketAccessProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, properties.ticketCheckTimeout().toMillis()))
                .responseTimeout(properties.ticketCheckTimeout());
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
        WebClient.Builder builder = WebClient.builder()
                .uriBuilderFactory(uris)
                .clientConnector(new ReactorClientHttpConnector(http))
                .observationRegistry(observations)
                .observationConvention(new MaskedTicketConvention());
        String uri = properties.ticketCheckUri();
        if (uri.startsWith(LOAD_BALANCED)) {
            // a load-balanced WebClient takes http://<service-id>/...; lb:// is the gateway routes' spelling
            if (loadBalancer == null) {
                throw new IllegalStateException("No load balancer for " + uri);
            }
            builder.filter(loadBalancer);
            uri = "http://" + uri.substring(LOAD_BALANCED.length());
        }
        this.client = builder.build();
        this.uriTemplate = uri;
        this.timeout = properties.ticketCheckTimeout();
    }

    /**
     * Completes empty when the ticket is valid; fails with a 401 {@link ApiException} when notification-service does
     * not know it and with a 503 one when notification-service cannot say.
     */
    public Mono<Void> check(String ticket) {
        return client.get().uri(uriTemplate, Map.of("ticket", ticket))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody();
                    }
                    if (response.statusCode().is4xxClientError()) {
                        return response.releaseBody().then(Mono.error(invalidTicket()));
                    }
                    return response.releaseBody().then(Mono.error(unavailable()));
                })
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof ApiException), error -> {
                    // the class only: messages of the HTTP client's exceptions name the URL, and so the ticket
                    log.warn("Could not check a WebSocket ticket with notification-service: {}", rootCause(error));
                    return unavailable();
                });
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? error.getClass().getName() : error.getClass().getName() + " caused by " + cause.getClass().getName();
    }

    static ApiException invalidTicket() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "The WebSocket ticket is unknown, used or expired. Ask for a new one with "
                        + "POST /api/v1/notifications/ws-ticket.", headers, Map.of());
    }

    static ApiException unavailable() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                "The WebSocket ticket cannot be checked right now. Try again shortly.", headers, Map.of());
    }

    /** The check's client span names {@code /internal/v1/ws-tickets/****}, never the ticket. */
    static final class MaskedTicketConvention extends DefaultClientRequestObservationConvention {

        @Override
        protected KeyValue httpUrl(ClientRequestObservationContext context) {
            String url = super.httpUrl(context).getValue();
            int last = url.lastIndexOf('/');
            return KeyValue.of("http.url", last < 0 ? MASK : url.substring(0, last + 1) + MASK);
        }
    }
}
