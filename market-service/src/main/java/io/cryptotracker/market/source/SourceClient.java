package io.cryptotracker.market.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * GETs from one external source: within its rate limit ({@link SourceGate}), with timeouts, turning 429/418/403,
 * 5xx, timeouts and refusals into {@link SourceException}s, and recording per source the latency
 * ({@code market.source.requests}), errors by kind ({@code market.source.errors}) and the age of the last
 * good answer ({@code market.source.freshness}, seconds).
 */
public class SourceClient {

    private final String source;
    private final RestClient http;
    private final SourceGate gate;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicLong lastSuccessMillis = new AtomicLong(-1);

    public SourceClient(String source, String baseUrl, Duration connectTimeout, Duration readTimeout,
            SourceGate gate, Clock clock, MeterRegistry meters) {
        this.source = source;
        this.gate = gate;
        this.clock = clock;
        this.meters = meters;
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
        requests.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultHeader(HttpHeaders.ACCEPT, "application/json").build();
        Gauge.builder("market.source.freshness", this, SourceClient::secondsSinceSuccess)
                .description("Seconds since the source last answered well").tag("source", source).baseUnit("seconds")
                .register(meters);
    }

    public String source() {
        return source;
    }

    /** GETs a path (with its query) and answers the body of a 2xx answer. */
    public String get(String pathAndQuery) {
        return get(pathAndQuery, headers -> {
        });
    }

    /**
     * @param headers adds request headers (an API key); never logged
     * @throws SourceException on anything but a 2xx answer
     */
    public String get(String pathAndQuery, Consumer<HttpHeaders> headers) {
        waitFor(gate.reserve());
        long started = System.nanoTime();
        String outcome = "error";
        try {
            Answer answer = http.get().uri(pathAndQuery).headers(headers)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
            outcome = String.valueOf(answer.status / 100) + "xx";
            String body = check(answer);
            outcome = "success";
            gate.succeeded();
            return body;
        }
        catch (ResourceAccessException ex) {
            outcome = timedOut(ex) ? "timeout" : "io";
            throw failed(new SourceException(source, SourceException.Kind.UNAVAILABLE,
                    (timedOut(ex) ? "timed out: " : "connection failed: ") + ex.getMostSpecificCause().getClass()
                            .getSimpleName()));
        }
        finally {
            Timer.builder("market.source.requests").description("Calls to external market data sources")
                    .tags("source", source, "outcome", outcome).register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** An answer the adapter received but could not use (bad JSON, an error code inside a 200). */
    public SourceException rejectBody(SourceException.Kind kind, String message) {
        if (kind == SourceException.Kind.RATE_LIMITED) {
            Duration pause = gate.coolDown(null);
            return failed(new SourceException(source, kind, 200, pause, message + ", pausing " + pause));
        }
        return failed(new SourceException(source, kind, message));
    }

    /** Marks data as fresh once the adapter parsed it. */
    public void parsedWell() {
        lastSuccessMillis.set(clock.millis());
    }

    /** When the source last answered with data we could use, null before the first time. */
    public Instant lastSuccess() {
        long millis = lastSuccessMillis.get();
        return millis < 0 ? null : Instant.ofEpochMilli(millis);
    }

    private String check(Answer answer) {
        int status = answer.status;
        if (status >= 200 && status < 300) {
            return answer.body;
        }
        if (status == 429 || status == 418) {
            Duration retryAfter = retryAfter(answer.retryAfter, clock.instant());
            Duration pause = gate.coolDown(retryAfter);
            throw failed(new SourceException(source, SourceException.Kind.RATE_LIMITED, status, pause,
                    (status == 418 ? "banned (418)" : "rate limited (429)") + ", pausing " + pause));
        }
        if (status >= 500) {
            throw failed(new SourceException(source, SourceException.Kind.UNAVAILABLE, status, null,
                    "answered " + status));
        }
        SourceException.Kind kind = status == 401 || status == 402 || status == 403 ? SourceException.Kind.REJECTED
                : SourceException.Kind.FAILED;
        throw failed(new SourceException(source, kind, status, null, "answered " + status + bodyHint(answer.body)));
    }

    private SourceException failed(SourceException ex) {
        Counter.builder("market.source.errors").description("Failed calls to external sources by kind")
                .tags("source", source, "kind", ex.kind().name().toLowerCase()).register(meters).increment();
        return ex;
    }

    /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110); null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String bodyHint(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return ": " + (flat.length() > 200 ? flat.substring(0, 200) : flat);
    }

    private static boolean timedOut(ResourceAccessException ex) {
        Throwable cause = ex.getMostSpecificCause();
        return cause instanceof HttpTimeoutException || cause instanceof java.net.SocketTimeoutException
                || (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("timed out"));
    }

    private static void waitFor(Duration pause) {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanosPart() % 1_000_000));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rate-limit slot", ex);
        }
    }

    private double secondsSinceSuccess() {
        long millis = lastSuccessMillis.get();
        return millis < 0 ? Double.NaN : (clock.millis() - millis) / 1000.0;
    }

    private record Answer(int status, String retryAfter, String body) {
    }
}
