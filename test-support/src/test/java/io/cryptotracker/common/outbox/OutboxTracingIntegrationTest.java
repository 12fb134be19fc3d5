package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.cryptotracker.common.events.PasswordChanged;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trace goes through the outbox: an event appended while a request is observed (what the HTTP server
 * instrumentation does for every request) reaches Kafka with a {@code traceparent} header of the request's trace,
 * whose span is the relay's producer span, a child of the request's, and a {@code @KafkaListener} consuming it runs in
 * the request's trace. Real PostgreSQL and Kafka.
 * <p>
 * Tracing on as {@code TRACING_ENABLED=true} turns it on (W3C propagation exists only then), with the OTLP exporter
 * itself off: {@code TracingExportTest} covers the export.
 */
@EmbeddedInfrastructure
@Import(OutboxTracingIntegrationTest.TracedListener.class)
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml",
        "cryptotracker.outbox.poll-interval=100ms", "cryptotracker.outbox.send-timeout=2s",
        "TRACING_ENABLED=true", "management.tracing.export.enabled=true",
        "management.tracing.export.otlp.enabled=false" })
class OutboxTracingIntegrationTest {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    private final String topic = "outbox-tracing-" + UUID.randomUUID();

    @Test
    void anEventAppendedInATracedRequestReachesKafkaInTheRequestsTrace() {
        PasswordChanged event = PasswordChanged.of(UUID.randomUUID(), Instant.now());
        String[] request = new String[2];
        Observation.createNotStarted("http.server.requests", observations).observe(() -> {
            Span span = tracer.currentSpan();
            request[0] = span.context().traceId();
            request[1] = span.context().spanId();
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.append(topic, event));
        });
        assertThat(request[0]).hasSize(32);

        String stored = jdbc.queryForObject("SELECT traceparent FROM outbox WHERE event_id = ?", String.class,
                event.eventId());
        assertThat(stored).as("W3C traceparent of the request, stored with the row")
                .matches("00-" + request[0] + "-" + request[1] + "-0[01]");

        ConsumerRecord<String, String> record = OutboxIntegrationTest.consume(topic, 1).get(0);
        String traceparent = header(record, OutboxTracing.TRACEPARENT);
        assertThat(traceparent).as("traceparent header").isNotNull();
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).as("trace id").isEqualTo(request[0]);
        assertThat(parts[2]).as("the relay's producer span, a child of the request's").isNotEqualTo(request[1]);
        assertThat(header(record, "event_id")).isEqualTo(event.eventId().toString());
    }

    @Test
    void theConsumersListenerRunsInTheRequestsTrace() {
        PasswordChanged event = PasswordChanged.of(UUID.randomUUID(), Instant.now());
        String[] traceId = new String[1];
        Observation.createNotStarted("http.server.requests", observations).observe(() -> {
            traceId[0] = tracer.currentSpan().context().traceId();
            new TransactionTemplate(transactionManager).executeWithoutResult(
                    status -> outbox.append(TracedListener.TOPIC, event));
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TracedListener.TRACE_OF_EVENT)
                .as("the listener's trace for the event").containsEntry(event.eventId().toString(), traceId[0]));
    }

    @Test
    void anEventAppendedOutsideAnyTraceIsSentWithoutATraceHeader() {
        PasswordChanged event = PasswordChanged.of(UUID.randomUUID(), Instant.now());
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.append(topic, event));

        ConsumerRecord<String, String> record = OutboxIntegrationTest.consume(topic, 1).get(0);

        assertThat(header(record, OutboxTracing.TRACEPARENT)).isNull();
        assertThat(jdbc.queryForObject("SELECT traceparent FROM outbox WHERE event_id = ?", String.class,
                event.eventId())).isNull();
    }

    @Test
    void withTracingOffAnEventInARequestIsStillRelayed() {
        OutboxWriter untraced = new OutboxWriter(jdbc, () -> { }, OutboxTracing.OFF);
        PasswordChanged event = PasswordChanged.of(UUID.randomUUID(), Instant.now());
        Observation.createNotStarted("http.server.requests", observations).observe(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> untraced.append(topic, event)));

        ConsumerRecord<String, String> record = OutboxIntegrationTest.consume(topic, 1).get(0);

        assertThat(header(record, "event_id")).isEqualTo(event.eventId().toString());
        assertThat(header(record, OutboxTracing.TRACEPARENT)).isNull();
    }

    /** A consumer as the services write them: a {@code @KafkaListener} with Spring Kafka's observation on. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TracedListener {

        static final String TOPIC = "outbox-tracing-listened";
        static final Map<String, String> TRACE_OF_EVENT = new ConcurrentHashMap<>();

        private final Tracer tracer;

        TracedListener(Tracer tracer) {
            this.tracer = tracer;
        }

        @KafkaListener(topics = TOPIC, groupId = "outbox-tracing-test", properties = "auto.offset.reset=earliest")
        void on(ConsumerRecord<String, String> record) {
            Span span = tracer.currentSpan();
            TRACE_OF_EVENT.put(header(record, "event_id"), span == null ? "" : span.context().traceId());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
