package io.cryptotracker.common.events;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the suite's topics wherever Kafka is used, so whichever service starts first creates them with the
 * intended partition count (creating an existing topic is a no-op).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics cryptotrackerTopics(KafkaTopicsProperties topics) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.USERS).partitions(topics.partitions()).replicas(topics.replicas()).build(),
                TopicBuilder.name(Topics.MARKET).partitions(topics.partitions()).replicas(topics.replicas()).build(),
                TopicBuilder.name(Topics.SIGNALS).partitions(topics.partitions()).replicas(topics.replicas()).build(),
                TopicBuilder.name(Topics.AUDIT).partitions(topics.partitions()).replicas(topics.replicas()).build());
    }
}
