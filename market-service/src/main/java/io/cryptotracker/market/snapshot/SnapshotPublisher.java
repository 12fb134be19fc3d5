package io.cryptotracker.market.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends snapshots straight to {@code cryptotracker.market.v1}, keyed by symbol – not through the outbox: a
 * snapshot describes no change committed to our database, it is superseded by the next one seconds later, and
 * writing hundreds a second into the outbox table would cost PostgreSQL more than the data is worth. A snapshot
 * lost to a broker outage is simply replaced by the next round's; failures are counted.
 */
@Component
class SnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final Counter published;
    private final Counter failed;

    SnapshotPublisher(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.published = Counter.builder("market.snapshots.published").description("MarketSnapshot events sent")
                .register(meters);
        this.failed = Counter.builder("market.snapshots.failed").description("MarketSnapshot events Kafka refused")
                .register(meters);
    }

    void publish(List<MarketSnapshot> snapshots) {
        for (MarketSnapshot snapshot : snapshots) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MARKET, snapshot.partitionKey(),
                    EventJson.write(snapshot));
            record.headers().add("event_type", MarketSnapshot.TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("event_id", snapshot.eventId().toString().getBytes(StandardCharsets.UTF_8));
            try {
                kafka.send(record).whenComplete((result, error) -> {
                    if (error == null) {
                        published.increment();
                    }
                    else {
                        failed.increment();
                        log.debug("MarketSnapshot {} not sent: {}", snapshot.symbol(), error.toString());
                    }
                });
            }
            catch (RuntimeException ex) {
                failed.increment();
                log.warn("MarketSnapshot {} not sent: {}", snapshot.symbol(), ex.toString());
            }
        }
    }
}
