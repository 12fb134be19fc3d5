package io.cryptotracker.common.messaging;

import io.cryptotracker.common.retry.RetryBackOff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Kafka listeners of a service treat a record whose handling failed.
 *
 * @param retry the pauses between redeliveries (500 ms doubling up to 30 s, for as long as it takes, unless
 *        {@code max-elapsed-time} is set: then the record is logged and skipped once it has been retried that long)
 */
@ConfigurationProperties("cryptotracker.kafka.listener")
public record KafkaListenerProperties(@DefaultValue RetryBackOff retry) {
}
