package io.cryptotracker.common.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an event handler at most once per (consumer, event id): the id is recorded in {@code processed_events} in
 * the same transaction as the handler's changes, so a redelivered event changes nothing, and a handler that fails
 * leaves the event unrecorded for the retry.
 */
public class IdempotentConsumer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * @param consumer a stable name of the handler, e.g. {@code "auth-service.subscription-changed"}
     * @return true if the handler ran, false if this consumer had already processed the event
     */
    public boolean process(String consumer, UUID eventId, Runnable handler) {
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.update("INSERT INTO processed_events (consumer, event_id, processed_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", consumer, eventId, Timestamp.from(Instant.now()));
            if (inserted == 0) {
                return false;
            }
            handler.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
