package io.cryptotracker.signals.market;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every {@code MarketSnapshot} to the detectors. No dedupe table: a snapshot seen twice measures the same
 * spreads, which the hysteresis turns into no change.
 */
@Component
class MarketSnapshotListener {

    private static final Logger log = LoggerFactory.getLogger(MarketSnapshotListener.class);

    private final SignalDetection detection;

    MarketSnapshotListener(SignalDetection detection) {
        this.detection = detection;
    }

    @KafkaListener(id = "signals-service-market", topics = Topics.MARKET,
            groupId = "${spring.kafka.consumer.group-id:signals-service}")
    void onMarketEvent(String payload) {
        DomainEvent event;
        try {
            event = EventJson.read(payload);
        }
        catch (RuntimeException ex) {
            log.debug("Ignoring a record on {} that is not an event this service knows: {}", Topics.MARKET,
                    ex.getClass().getSimpleName());
            return;
        }
        if (event instanceof MarketSnapshot snapshot) {
            detection.onSnapshot(snapshot);
        }
    }
}
