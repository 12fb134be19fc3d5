package io.cryptotracker.notifications.inbox;

import io.cryptotracker.common.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The shared consumer of the market topic (group {@code notification-service}): each {@code FundingIntervalChanged}
 * becomes stored notifications once, whichever replica reads it. Snapshots, the topic's bulk, are skipped by their
 * {@code event_type} header ({@link FundingIntervalRecords}).
 */
@Component
class SharedMarketListener {

    private static final Logger log = LoggerFactory.getLogger(SharedMarketListener.class);

    private final FundingIntervalInbox inbox;

    SharedMarketListener(FundingIntervalInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(id = "notification-service-shared-market", topics = Topics.MARKET,
            groupId = "${spring.kafka.consumer.group-id:notification-service}")
    void onMarketEvent(ConsumerRecord<String, String> record) {
        FundingIntervalRecords.change(record).ifPresent(change -> {
            int stored = inbox.store(change);
            log.debug("Funding interval change of {} on {} stored for {} users", change.symbol(), change.venue(),
                    stored);
        });
    }
}
