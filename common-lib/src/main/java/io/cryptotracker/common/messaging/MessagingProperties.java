package io.cryptotracker.common.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The idempotent consumer's bookkeeping.
 *
 * @param processedEventsCleanup whether this service's changelog has {@code processed_events} to clean
 * @param processedEventsRetention how long the id of a handled event is remembered against redelivery
 */
@ConfigurationProperties("cryptotracker.messaging")
public record MessagingProperties(@DefaultValue("true") boolean processedEventsCleanup,
        @DefaultValue("P14D") Duration processedEventsRetention) {
}
