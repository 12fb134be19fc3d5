package io.cryptotracker.common.outbox;

import java.sql.Timestamp;
import java.time.Instant;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the outbox table inside the caller's transaction, so the event exists exactly when the
 * change it describes is committed. The relay publishes it afterwards, in the trace of the caller's current span
 * ({@link OutboxTracing}).
 */
public class OutboxWriter {

    /** Advisory-lock namespace serializing writers of one key, so ids of one key follow commit order. */
    static final int KEY_LOCK_NAMESPACE = 0x0B0C_0001;

    private final JdbcTemplate jdbc;
    private final Runnable afterCommit;
    private final OutboxTracing tracing;

    public OutboxWriter(JdbcTemplate jdbc, Runnable afterCommit) {
        this(jdbc, afterCommit, OutboxTracing.OFF);
    }

    /** @param tracing stores the current trace context with each row (see {@link OutboxTracing}) */
    public OutboxWriter(JdbcTemplate jdbc, Runnable afterCommit, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.afterCommit = afterCommit;
        this.tracing = tracing;
    }

    /**
     * @throws IllegalStateException when called outside a transaction: an event without its change is a bug
     */
    public void append(String topic, DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction of the change");
        }
        String key = event.partitionKey();
        // Held until commit: a second transaction for the same key waits here, so its row gets a larger id and
        // becomes visible after ours – the relay's id order is then the commit order per key.
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, hashtext(?))", KEY_LOCK_NAMESPACE, key);
        jdbc.update("INSERT INTO outbox (event_id, topic, message_key, event_type, payload, created_at, traceparent) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.eventId(), topic, key, event.type(), EventJson.write(event),
                Timestamp.from(Instant.now()), tracing.currentTraceparent());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        }
    }
}
