package io.cryptotracker.notifications.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.FundingIntervalChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Picks the rare {@link FundingIntervalChanged} out of the market topic, where hundreds of snapshots a round pass:
 * a record whose {@code event_type} header names another type (every producer of the topic sets it) is skipped
 * without reading its JSON.
 */
public final class FundingIntervalRecords {

    private static final String EVENT_TYPE = "event_type";

    private FundingIntervalRecords() {
    }

    public static Optional<FundingIntervalChanged> change(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(EVENT_TYPE);
        if (record.value() == null || (type != null
                && !FundingIntervalChanged.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8)))) {
            return Optional.empty();
        }
        return EventJson.tryRead(record.value()).filter(FundingIntervalChanged.class::isInstance)
                .map(FundingIntervalChanged.class::cast)
                .filter(change -> change.symbol() != null && change.eventId() != null);
    }
}
