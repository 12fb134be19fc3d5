package io.cryptotracker.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cryptotracker.common.retry.RetryBackOff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent only once Kafka acknowledged them. One replica
 * relays at a time (a PostgreSQL advisory lock held for the round), a round stops at its first failure so no
 * later event of the same key overtakes it, and failed rounds back off. Rows left unsent by a crash or an outage
 * are simply picked up by the next round. Delivery is at least once; consumers dedupe by {@code event_id}.
 * <p>
 * The relay loop is one long-running task on its own {@link AsyncTaskExecutor} (a dedicated thread: it waits on the
 * database and Kafka, so it must not hold a shared pool's thread); {@link #stop()} ends the loop and waits up to the
 * send timeout for the round in flight.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    static final int RELAY_LOCK_NAMESPACE = 0x0B0C_0002;
    static final String HEADER_EVENT_TYPE = "event_type";
    static final String HEADER_EVENT_ID = "event_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, String> kafka;
    private final OutboxProperties properties;
    private final OutboxTracing tracing;
    private final Counter published;
    private final Counter failures;
    private final ExponentialBackOff backOff;
    private final AsyncTaskExecutor executor;
    private final Object monitor = new Object();

    private volatile boolean running;
    private volatile Future<?> worker;
    private boolean woken;
    private volatile int failedRounds;
    private BackOffExecution pauses;
    private volatile Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        this(jdbc, transactions, kafka, properties, meters, OutboxTracing.OFF,
                daemon(new SimpleAsyncTaskExecutor("outbox-relay-")));
    }

    /** A relay's thread never keeps a JVM alive (a virtual thread never does anyway). */
    static SimpleAsyncTaskExecutor daemon(SimpleAsyncTaskExecutor executor) {
        executor.setDaemon(true);
        return executor;
    }

    /**
     * @param tracing sends each row in the trace it was written in (see {@link OutboxTracing})
     * @param executor runs the relay loop; it should give the loop a thread of its own
     */
    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters, OutboxTracing tracing, AsyncTaskExecutor executor) {
        this.tracing = tracing;
        this.executor = executor;
        // the first failed round pauses twice the poll interval, each further one twice as long, up to the maximum
        this.backOff = RetryBackOff.doubling(properties.pollInterval().multipliedBy(2), properties.maxBackoff())
                .toBackOff();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        MeterRegistry registry = meters != null ? meters : new SimpleMeterRegistry();
        this.published = Counter.builder("cryptotracker.outbox.published").description("Events relayed to Kafka")
                .register(registry);
        this.failures = Counter.builder("cryptotracker.outbox.failures").description("Failed relay rounds")
                .register(registry);
        registry.gauge("cryptotracker.outbox.pending", this, OutboxRelay::pendingSafely);
    }

    /** Asks for a round now, e.g. right after a transaction with events committed (ignored while backing off). */
    public void wakeUp() {
        if (failedRounds == 0) {
            signal();
        }
    }

    private void signal() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    /**
     * Publishes one batch.
     *
     * @return the number of rows marked sent, or -1 when another replica holds the relay lock
     */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?, 0)", Boolean.class,
                    RELAY_LOCK_NAMESPACE);
            if (!Boolean.TRUE.equals(locked)) {
                return -1;
            }
            List<OutboxRow> rows = jdbc.query("SELECT id, event_id, topic, message_key, event_type, payload, "
                    + "traceparent FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?", (rs, i) -> new OutboxRow(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)),
                    properties.batchSize());
            return publish(rows);
        });
        return sent == null ? 0 : sent;
    }

    private int publish(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, String>>> futures = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            futures.add(send(row));
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                futures.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(row.id());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception ex) {
                String reason = ex.getCause() != null ? ex.getCause().toString() : ex.toString();
                throw new RelayFailure(acknowledged, row.id(), reason);
            }
        }
        markSent(acknowledged);
        return acknowledged.size();
    }

    private CompletableFuture<SendResult<String, String>> send(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(HEADER_EVENT_TYPE, row.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(HEADER_EVENT_ID, row.eventId().getBytes(StandardCharsets.UTF_8));
        Span span = tracing.startProducerSpan(record, row.traceparent());
        CompletableFuture<SendResult<String, String>> sent;
        try {
            sent = kafka.send(record);
        }
        catch (RuntimeException ex) {
            sent = CompletableFuture.failedFuture(ex);
        }
        if (span != null) {
            sent.whenComplete((result, error) -> {
                if (error != null) {
                    span.error(error);
                }
                span.end();
            });
        }
        return sent;
    }

    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                ids.stream().map(id -> new Object[] { now, id }).toList());
        published.increment(ids.size());
    }

    /** Rows not yet acknowledged by Kafka. */
    public long pending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    private double pendingSafely() {
        try {
            return pending();
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }

    private void loop() {
        while (running) {
            Duration pause = round();
            synchronized (monitor) {
                if (!woken && running) {
                    try {
                        monitor.wait(Math.max(1, pause.toMillis()));
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /** Relays until the outbox is drained; answers how long to pause before the next round. */
    Duration round() {
        try {
            int sent;
            do {
                sent = relayOnce();
            }
            while (sent == properties.batchSize() && running);
            failedRounds = 0;
            pauses = null;
            cleanupIfDue();
            return properties.pollInterval();
        }
        catch (RelayFailure failure) {
            // The round's transaction rolled back: record what Kafka did acknowledge, and the failure, anew.
            recordFailure(failure);
            return backoff(failure.getMessage());
        }
        catch (RuntimeException ex) {
            return backoff(ex.toString());
        }
    }

    private void recordFailure(RelayFailure failure) {
        try {
            transactions.executeWithoutResult(status -> {
                markSent(failure.acknowledged);
                String reason = failure.getMessage();
                jdbc.update("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                        reason.length() > 500 ? reason.substring(0, 500) : reason, failure.failedId);
            });
        }
        catch (RuntimeException ex) {
            log.warn("Could not record the outbox relay failure: {}", ex.toString());
        }
    }

    private Duration backoff(String reason) {
        failures.increment();
        int rounds = ++failedRounds;
        if (pauses == null) {
            pauses = backOff.start();
        }
        Duration pause = Duration.ofMillis(pauses.nextBackOff());
        if (rounds == 1 || rounds % 10 == 0) {
            log.warn("Outbox relay failed ({} in a row), retrying in {} ms: {}", rounds, pause.toMillis(), reason);
        }
        return pause;
    }

    private void cleanupIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(lastCleanup.plus(Duration.ofHours(1)))) {
            return;
        }
        lastCleanup = now;
        int deleted = jdbc.update("DELETE FROM outbox WHERE sent_at < ?",
                Timestamp.from(now.minus(properties.retention())));
        if (deleted > 0) {
            log.info("Deleted {} relayed outbox rows older than {}", deleted, properties.retention());
        }
    }

    @Override
    public void start() {
        running = true;
        worker = executor.submit(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Future<?> current = worker;
        signal();
        if (current != null) {
            try {
                current.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (ExecutionException | TimeoutException ex) {
                log.warn("The outbox relay did not stop cleanly: {}", ex.toString());
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Kafka is stopped after us and started before us: keep our phase inside the Kafka container's. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private record OutboxRow(long id, String eventId, String topic, String key, String type, String payload,
            String traceparent) {
    }

    private static final class RelayFailure extends RuntimeException {

        private final transient List<Long> acknowledged;
        private final long failedId;

        RelayFailure(List<Long> acknowledged, long failedId, String reason) {
            super(reason, null, false, false);
            this.acknowledged = List.copyOf(acknowledged);
            this.failedId = failedId;
        }
    }
}
