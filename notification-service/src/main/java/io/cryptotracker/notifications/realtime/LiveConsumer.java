package io.cryptotracker.notifications.realtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.notifications.users.UserDirectory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * This replica's LIVE consumer, the batch listener of a Spring Kafka container ({@link RealtimeConfiguration}) in its
 * own group ({@code notification-service-live-<instance>}), so every replica reads every signal and users event for
 * its own sockets. The container commits nothing: on every assignment this listener seeks to now −
 * {@code history-window}, which refills the resume history after a start; the history counts as rebuilt (and held
 * resumes are answered) once the consumer has read up to the end offsets it found at that first assignment. Signal
 * events are encoded once, put in seq order and handed to the fan-out; users events keep this replica's
 * {@link UserDirectory} current, close downgraded users' sockets (4403) and refresh filters that follow preferences.
 * Everything here runs on the container's one consumer thread, off the event loops; the container's idle callback
 * lets frames held back by a gap in {@code seq} go on when no records come.
 */
final class LiveConsumer implements BatchConsumerAwareMessageListener<String, String>, ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(LiveConsumer.class);

    private final String groupId;
    private final RealtimeProperties properties;
    private final SignalFrames frames;
    private final SocketFanout fanout;
    private final SocketSessions sessions;
    private final UserDirectory directory;
    private final Clock clock;
    private final SignalOrdering ordering;
    private final List<SignalFrame> ready = new ArrayList<>();
    /** Records written before this replica's listener existed refill the history; they are not live frames. */
    private final long startedAtMillis;
    private volatile boolean assigned;
    /**
     * Until the history is rebuilt: the signals partitions' end offsets when they were assigned at start. Once the
     * consumer has read up to all of them, resumes may be answered.
     */
    private Map<TopicPartition, Long> rebuildUpTo;

    LiveConsumer(String groupId, RealtimeProperties properties, SignalFrames frames, SocketFanout fanout,
            SocketSessions sessions, UserDirectory directory, Clock clock) {
        this.groupId = groupId;
        this.properties = properties;
        this.frames = frames;
        this.fanout = fanout;
        this.sessions = sessions;
        this.directory = directory;
        this.clock = clock;
        this.ordering = new SignalOrdering(properties.reorderWait().toNanos());
        this.startedAtMillis = clock.millis();
    }

    String groupId() {
        return groupId;
    }

    /** Whether the consumer has its partitions and has positioned them (tests wait for this before publishing). */
    boolean assigned() {
        return assigned;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        long now = System.nanoTime();
        for (ConsumerRecord<String, String> record : records) {
            try {
                handle(record, now);
            }
            catch (RuntimeException ex) {
                log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        ex.toString());
            }
        }
        releaseReady();
        if (rebuildUpTo != null && readUpTo(consumer::position)) {
            historyRebuilt();
        }
    }

    /** No records for a while: frames waiting for a gap in {@code seq} may go on now, and the history may be whole. */
    @Override
    public void onIdleContainer(Map<TopicPartition, Long> positions, ConsumerSeekCallback callback) {
        releaseReady();
        if (rebuildUpTo != null && readUpTo(partition -> positions.getOrDefault(partition, -1L))) {
            historyRebuilt();
        }
    }

    /**
     * Never committed: every assignment starts {@code history-window} back, which refills the resume history. The
     * positions the container found are the end offsets (this group has no committed offsets and starts at the
     * latest), resolved now rather than lazily at the next poll, so a record written meanwhile is not skipped; a
     * partition with nothing in the window stays there.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> positions, ConsumerSeekCallback callback) {
        if (positions.isEmpty()) {
            return;
        }
        callback.seekToTimestamp(positions.keySet(), clock.millis() - properties.historyWindow().toMillis());
        if (!fanout.history().rebuilt()) {
            Map<TopicPartition, Long> signals = new HashMap<>();
            positions.forEach((partition, end) -> {
                if (Topics.SIGNALS.equals(partition.topic())) {
                    signals.put(partition, end);
                }
            });
            rebuildUpTo = signals;
        }
        assigned = true;
        log.info("LIVE consumer {} reads {} partitions from {} back", groupId, positions.size(),
                properties.historyWindow());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        assigned = false;
    }

    private void releaseReady() {
        ordering.release(System.nanoTime(), ready);
        publishReady();
    }

    private void publishReady() {
        if (!ready.isEmpty()) {
            fanout.publish(ready);
            ready.clear();
        }
    }

    private boolean readUpTo(ToLongFunction<TopicPartition> position) {
        try {
            for (Map.Entry<TopicPartition, Long> end : rebuildUpTo.entrySet()) {
                if (position.applyAsLong(end.getKey()) < end.getValue()) {
                    return false;
                }
            }
            return true;
        }
        catch (IllegalStateException ex) {
            return false; // revoked meanwhile: the next assignment sets new end offsets
        }
    }

    /**
     * Everything the signals topic held at start (within {@code history-window}) has been read: the frames the
     * ordering still waits with go on now, into the history, and the resumes held until now are answered.
     */
    private void historyRebuilt() {
        ordering.releaseAll(ready);
        publishReady();
        rebuildUpTo = null;
        fanout.history().markRebuilt();
        sessions.historyRebuilt();
        log.info("LIVE consumer {} has rebuilt the resume history: {} frames", groupId, fanout.history().size());
    }

    private void handle(ConsumerRecord<String, String> record, long now) {
        if (record.value() == null) {
            return;
        }
        DomainEvent event = EventJson.tryRead(record.value()).orElse(null);
        if (event == null) {
            return;
        }
        if (Topics.USERS.equals(record.topic())) {
            directory.apply(event);
            if (event instanceof SubscriptionChanged changed) {
                sessions.tierChanged(changed.userId());
            }
            else if (event instanceof PreferencesChanged changed) {
                sessions.preferencesChanged(changed.userId());
            }
            else if (event instanceof UserRegistered registered) {
                sessions.preferencesChanged(registered.userId());
            }
            return;
        }
        SignalFrame frame = frames.encode(event);
        if (frame != null) {
            frame.refill = record.timestamp() < startedAtMillis;
        }
        if (frame != null && !ordering.offer(frame, now, ready, fanout.history()::contains)) {
            frame.bytes.release();
        }
    }

    static String groupId(String instanceId) {
        String instance = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
        return "notification-service-live-" + instance;
    }
}
