package io.cryptotracker.notifications.realtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.notifications.users.UserDirectory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This replica's LIVE consumer: its own group ({@code notification-service-live-<instance>}), so every replica reads
 * every signal and users event for its own sockets. It never commits offsets: on every assignment it seeks to
 * now − {@code history-window}, which refills the resume history after a start; the history counts as rebuilt (and
 * held resumes are answered) once it has read up to the end offsets it found at that first assignment. Signal events
 * are encoded once, put in seq order and handed to the fan-out; users events keep this replica's {@link UserDirectory}
 * current, close downgraded users' sockets (4403) and refresh filters that follow preferences. One thread, off the
 * event loops.
 */
final class LiveConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveConsumer.class);

    private final Map<String, Object> kafkaProperties;
    private final String groupId;
    private final RealtimeProperties properties;
    private final SignalFrames frames;
    private final SocketFanout fanout;
    private final SocketSessions sessions;
    private final UserDirectory directory;
    private final Clock clock;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean assigned;
    private volatile long startedAtMillis;
    /**
     * Until the history is rebuilt: the signals partitions' end offsets when they were assigned at start. Once the
     * consumer has read up to all of them, resumes may be answered. Touched by the consumer thread only.
     */
    private Map<TopicPartition, Long> rebuildUpTo;

    LiveConsumer(Map<String, Object> kafkaProperties, String groupId, RealtimeProperties properties,
            SignalFrames frames, SocketFanout fanout, SocketSessions sessions, UserDirectory directory, Clock clock) {
        this.kafkaProperties = kafkaProperties;
        this.groupId = groupId;
        this.properties = properties;
        this.frames = frames;
        this.fanout = fanout;
        this.sessions = sessions;
        this.directory = directory;
        this.clock = clock;
    }

    String groupId() {
        return groupId;
    }

    /** Whether the consumer has its partitions and has positioned them (tests wait for this before publishing). */
    boolean assigned() {
        return assigned;
    }

    @Override
    public void start() {
        startedAtMillis = clock.millis();
        stopRequested = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::runUntilStopped, "notifications-live-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        // a replica restarted under the same instance id (a container restarted in its pod) rejoins a group that still
        // holds its dead member until the session times out, and holds resumes until then: keep that short (Kafka's
        // default is 45 s); this group commits nothing, so a rebalance costs nothing else
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new KafkaConsumer<>(config);
    }

    /** Starts a new consumer after a failure (with a pause), so sockets never silently stop getting signals. */
    private void runUntilStopped() {
        SignalOrdering ordering = new SignalOrdering(properties.reorderWait().toNanos());
        while (running) {
            try {
                consumer = newConsumer();
                run(ordering);
            }
            catch (RuntimeException ex) {
                log.error("LIVE consumer failed; starting a new one in 5 s", ex);
            }
            try {
                if (stopRequested.await(5, TimeUnit.SECONDS)) {
                    return;
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        stopRequested.countDown();
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread current2 = thread;
        if (current2 != null) {
            try {
                current2.join(10_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server is up and before it stops, so sockets are closed before the consumer. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private void run(SignalOrdering ordering) {
        List<SignalFrame> ready = new ArrayList<>();
        try {
            consumer.subscribe(List.of(Topics.SIGNALS, Topics.USERS), new SeekBack());
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> record : records) {
                    try {
                        handle(record, ordering, ready, now);
                    }
                    catch (RuntimeException ex) {
                        log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                                ex.toString());
                    }
                }
                ordering.release(System.nanoTime(), ready);
                if (!ready.isEmpty()) {
                    fanout.publish(ready);
                    ready.clear();
                }
                if (rebuildUpTo != null && readUpTo(rebuildUpTo)) {
                    historyRebuilt(ordering, ready);
                }
            }
        }
        catch (WakeupException ex) {
            if (running) {
                throw ex;
            }
        }
        finally {
            assigned = false;
            try {
                consumer.close(Duration.ofSeconds(2));
            }
            catch (RuntimeException ex) {
                log.debug("Closing the LIVE consumer: {}", ex.toString());
            }
        }
    }

    private boolean readUpTo(Map<TopicPartition, Long> endOffsets) {
        try {
            for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
                if (consumer.position(end.getKey()) < end.getValue()) {
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
    private void historyRebuilt(SignalOrdering ordering, List<SignalFrame> ready) {
        ordering.releaseAll(ready);
        if (!ready.isEmpty()) {
            fanout.publish(ready);
            ready.clear();
        }
        rebuildUpTo = null;
        fanout.history().markRebuilt();
        sessions.historyRebuilt();
        log.info("LIVE consumer {} has rebuilt the resume history: {} frames", groupId, fanout.history().size());
    }

    private void handle(ConsumerRecord<String, String> record, SignalOrdering ordering, List<SignalFrame> ready,
            long now) {
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

    /** Never committed: every assignment starts {@code history-window} back, which refills the resume history. */
    private final class SeekBack implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            long from = clock.millis() - properties.historyWindow().toMillis();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, from));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
            // resolved now, not lazily at the next poll: a record written meanwhile is not skipped
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = offsets.get(partition);
                consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
            }
            if (!fanout.history().rebuilt()) {
                Map<TopicPartition, Long> signals = new HashMap<>();
                ends.forEach((partition, end) -> {
                    if (Topics.SIGNALS.equals(partition.topic())) {
                        signals.put(partition, end);
                    }
                });
                rebuildUpTo = signals;
            }
            assigned = true;
            log.info("LIVE consumer {} reads {} partitions from {} back", groupId, partitions.size(),
                    properties.historyWindow());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }

    static String groupId(String instanceId) {
        String instance = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
        return "notification-service-live-" + instance;
    }
}
