package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.FundingIntervalChanged;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.notifications.inbox.FundingIntervalInbox;
import io.cryptotracker.notifications.inbox.FundingIntervalRecords;
import io.cryptotracker.notifications.inbox.FundingIntervalText;
import io.cryptotracker.notifications.inbox.NotificationIds;
import io.cryptotracker.notifications.users.FundingIntervalMatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * This replica's reader of funding interval changes on the market topic (its own group, from the latest offset,
 * nothing committed: a change is news when it happens; one missed while no replica ran is in the history): each
 * change becomes a {@code notification} frame, with the id of the stored notification, on every socket of this
 * replica whose user's preferences match ({@link FundingIntervalMatcher}). Sockets are VIP's only, so this is the
 * VIP's at-once delivery; the frame is written on the socket's own event loop and, like signal notifications,
 * ignores the socket's {@code subscribe} filter. Changes are rare: the frame is encoded per socket.
 */
final class FundingIntervalSockets implements MessageListener<String, String>, ConsumerSeekAware {

    private final SocketFanout fanout;
    private final RealtimeMetrics metrics;
    private final JsonMapper json;
    private volatile boolean assigned;

    FundingIntervalSockets(SocketFanout fanout, RealtimeMetrics metrics, JsonMapper json) {
        this.fanout = fanout;
        this.metrics = metrics;
        this.json = json;
    }

    /** Whether the reader has its partitions (tests wait for this before publishing). */
    boolean assigned() {
        return assigned;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assigned = true;
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        FundingIntervalRecords.change(record).ifPresent(this::deliver);
    }

    private void deliver(FundingIntervalChanged change) {
        String title = FundingIntervalText.title(change);
        String body = FundingIntervalText.body(change);
        Instant createdAt = change.detectedAt() != null ? change.detectedAt() : change.occurredAt();
        fanout.forAll(session -> {
            if (session.closing || !FundingIntervalMatcher.matches(session.prefs, change.symbol())) {
                return;
            }
            byte[] frame = json.writeValueAsBytes(new Message("notification",
                    NotificationIds.of(session.userId, change.eventId()), FundingIntervalInbox.CATEGORY, null,
                    SignalData.FUNDING_RATE, change.symbol(), null, title, body, createdAt,
                    session.prefs.channels().browser(), session.prefs.channels().sound(), change.venue(),
                    change.previousIntervalHours(), change.intervalHours()));
            session.loop.send(session, frame);
            metrics.notificationFrames.increment();
        });
    }

    /**
     * {@code {"type":"notification","id":…,"category":"funding-interval","signal_id":null,…}}: the fields of a signal
     * notification frame, and the venue and both intervals.
     */
    record Message(String type, UUID id, String category, UUID signalId, String kind, String symbol,
            BigDecimal spreadPercent, String title, String body, Instant createdAt, boolean browser, boolean sound,
            String venue, int previousIntervalHours, int intervalHours) {
    }
}
