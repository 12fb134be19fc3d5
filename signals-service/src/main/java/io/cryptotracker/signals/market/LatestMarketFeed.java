package io.cryptotracker.signals.market;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.signals.execution.LatestMarket;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * Every snapshot of every symbol into this replica's {@link LatestMarket}, for the position calculator: the detection
 * listener reads only the partitions Kafka gave this replica in the shared group, so with several replicas a
 * calculator request would otherwise find no market for most symbols. A container in a group of this replica's own
 * ({@code signals-service-latest-<random>}) that starts at the latest offset and commits nothing, so the group
 * leaves no trace in Kafka when the replica stops. One thread; a record it cannot read is skipped.
 */
@Configuration(proxyBeanMethods = false)
class LatestMarketFeed {

    @Bean
    ConcurrentMessageListenerContainer<Object, Object> latestMarketContainer(
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, LatestMarket latest, Clock clock) {
        ConcurrentMessageListenerContainer<Object, Object> container = factory.createContainer(Topics.MARKET);
        ContainerProperties settings = container.getContainerProperties();
        String group = "signals-service-latest-" + UUID.randomUUID();
        settings.setGroupId(group);
        settings.setClientId(group);
        settings.setAckMode(ContainerProperties.AckMode.MANUAL);
        settings.setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        Map<String, Object> configured = factory.getConsumerFactory().getConfigurationProperties();
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        if (!configured.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
            consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
            consumer.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        }
        settings.setKafkaConsumerProperties(consumer);
        container.setConcurrency(1);
        container.setCommonErrorHandler(new CommonLoggingErrorHandler());
        container.setupMessageListener((MessageListener<Object, Object>) record -> remember(record, latest, clock));
        return container;
    }

    private static void remember(ConsumerRecord<Object, Object> record, LatestMarket latest, Clock clock) {
        if (record.value() instanceof String payload
                && EventJson.tryRead(payload).orElse(null) instanceof MarketSnapshot snapshot
                && snapshot.symbol() != null) {
            latest.remember(snapshot, clock.instant());
        }
    }
}
