package io.cryptotracker.common.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the suite's topics are created.
 *
 * @param partitions partitions per topic
 * @param replicas replicas per partition
 */
@ConfigurationProperties("cryptotracker.kafka")
public record KafkaTopicsProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
}
