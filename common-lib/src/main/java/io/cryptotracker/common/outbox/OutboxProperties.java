package io.cryptotracker.common.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay's settings.
 *
 * @param enabled whether this service has an outbox table and relays it
 * @param pollInterval how often the relay looks for unsent rows when nothing woke it
 * @param batchSize rows published per round
 * @param sendTimeout how long to wait for Kafka to acknowledge a record
 * @param maxBackoff the longest pause after failed rounds (the pause starts at twice the poll interval and doubles)
 * @param retention how long sent rows are kept before they are deleted
 */
@ConfigurationProperties("cryptotracker.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff, @DefaultValue("7d") Duration retention) {
}
