package io.cryptotracker.common.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Carries the trace of the change through the outbox: {@link #currentTraceparent()} is stored with the row, and the
 * relay's producer span for the row is a child of it, so one trace runs from the HTTP request through the outbox and
 * Kafka into the consumer (whose listener observation continues the {@code traceparent} header). Without a tracer
 * (tracing not on the classpath or turned off) nothing is stored and records carry no trace header.
 */
public class OutboxTracing {

    /** The W3C Trace Context header, also the Kafka record header the listeners read. */
    public static final String TRACEPARENT = "traceparent";

    static final OutboxTracing OFF = new OutboxTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C {@code traceparent} of the current span, or {@code null} when there is none. */
    public String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the producer span of one record as a child of the stored {@code traceparent} and writes its context into
     * the record's headers; answers {@code null} (and copies the stored header as it is, when tracing is off) when
     * there is nothing to trace.
     */
    Span startProducerSpan(ProducerRecord<String, String> record, String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        if (tracer == null || propagator == null) {
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            return null;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .kind(Span.Kind.PRODUCER)
                .name(record.topic() + " send")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.operation", "publish")
                .remoteServiceName("kafka")
                .start();
        record.headers().remove(TRACEPARENT);
        BiConsumer<String, String> header = (name, value) -> {
            record.headers().remove(name);
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        };
        propagator.inject(span.context(), header, (carrier, name, value) -> carrier.accept(name, value));
        if (record.headers().lastHeader(TRACEPARENT) == null) {
            // a propagator without W3C: keep the stored context so consumers can still join the trace
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return span;
    }
}
