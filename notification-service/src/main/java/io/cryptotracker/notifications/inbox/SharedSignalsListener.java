package io.cryptotracker.notifications.inbox;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The shared consumer of the signals topic (group {@code notification-service}, one member per partition across
 * replicas): each {@code SignalCreated} becomes stored notifications and email queue rows once, whichever replica
 * reads it. Updates, closes and deletions make no notification.
 */
@Component
class SharedSignalsListener {

    private static final Logger log = LoggerFactory.getLogger(SharedSignalsListener.class);

    private final SignalInbox inbox;

    SharedSignalsListener(SignalInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(id = "notification-service-shared-signals", topics = Topics.SIGNALS,
            groupId = "${spring.kafka.consumer.group-id:notification-service}")
    void onSignalEvent(String payload) {
        if (EventJson.tryRead(payload).orElse(null) instanceof SignalCreated created) {
            if (created.data() == null || created.signalId() == null || created.data().kind() == null
                    || created.data().symbol() == null) {
                log.warn("Ignoring SignalCreated {} without signal data", created.eventId());
                return;
            }
            int stored = inbox.store(created);
            log.debug("Signal {} stored for {} users", created.signalId(), stored);
        }
    }
}
