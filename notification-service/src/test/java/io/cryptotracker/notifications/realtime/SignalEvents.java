package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalDeleted;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.common.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes signal events to Kafka as signals-service does (JSON of common-lib's records, keyed by signal id). */
final class SignalEvents {

    /** Above any seq another test class of this JVM may have published. */
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);

    private final KafkaTemplate<String, String> kafka;

    SignalEvents(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    static long nextSeq() {
        return SEQ.incrementAndGet();
    }

    static SignalData signal(String kind, String symbol, String spread) {
        Instant now = Instant.now();
        return new SignalData(UUID.randomUUID(), kind, symbol, new BigDecimal(spread),
                new BigDecimal(spread).subtract(new BigDecimal("0.2")), new BigDecimal(spread), "OPEN", "DETECTOR", now,
                now, null, null, null, null, null);
    }

    static SignalData closed(SignalData data) {
        return new SignalData(data.id(), data.kind(), data.symbol(), data.spreadPercent(), data.netSpreadPercent(),
                data.peakSpreadPercent(), "CLOSED", data.source(), data.detectedAt(), Instant.now(), Instant.now(),
                null, null, null, null);
    }

    SignalCreated created(SignalData data) {
        SignalCreated event = SignalCreated.of(nextSeq(), data, Instant.now());
        send(event, null);
        return event;
    }

    SignalUpdated updated(SignalData data) {
        SignalUpdated event = SignalUpdated.of(nextSeq(), data, Instant.now());
        send(event, null);
        return event;
    }

    SignalClosed closedEvent(SignalData data) {
        SignalClosed event = SignalClosed.of(nextSeq(), closed(data), Instant.now());
        send(event, null);
        return event;
    }

    SignalDeleted deleted(SignalData data) {
        SignalDeleted event = SignalDeleted.of(nextSeq(), data, Instant.now());
        send(event, null);
        return event;
    }

    void send(DomainEvent event, Integer partition) {
        String topic = event instanceof io.cryptotracker.common.events.SignalCreated
                || event instanceof SignalUpdated || event instanceof SignalClosed || event instanceof SignalDeleted
                ? Topics.SIGNALS : Topics.USERS;
        try {
            kafka.send(new ProducerRecord<>(topic, partition, event.partitionKey(), EventJson.write(event)))
                    .get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    void sendAll(List<? extends DomainEvent> events) {
        events.forEach(event -> kafka.send(Topics.SIGNALS, event.partitionKey(), EventJson.write(event)));
        kafka.flush();
    }

    int signalPartitions() {
        return kafka.partitionsFor(Topics.SIGNALS).size();
    }
}
