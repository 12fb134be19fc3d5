package io.cryptotracker.notifications.realtime;

import java.util.Map;
import java.util.Properties;

import io.cryptotracker.common.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wiring of {@link FundingIntervalSockets}: a container of its own on the market topic, in a group of this replica
 * ({@code notification-service-live-<instance>-market}), apart from the LIVE consumer, whose history and seq ordering
 * are the signal stream's and which must not read the market topic's bulk.
 */
@Configuration(proxyBeanMethods = false)
class FundingIntervalSocketConfiguration {

    @Bean
    FundingIntervalSockets fundingIntervalSockets(SocketFanout fanout, RealtimeMetrics metrics, JsonMapper json) {
        return new FundingIntervalSockets(fanout, metrics, json);
    }

    /**
     * From Boot's listener container factory like the LIVE consumer's: starts at the latest offset and commits
     * nothing, one thread, errors logged and the feed goes on (a frame is not worth a redelivery loop), running also
     * where the shared listeners are switched off.
     */
    @Bean
    ConcurrentMessageListenerContainer<Object, Object> fundingIntervalSocketContainer(
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, LiveConsumer live,
            FundingIntervalSockets listener) {
        ConcurrentMessageListenerContainer<Object, Object> container = factory.createContainer(Topics.MARKET);
        ContainerProperties settings = container.getContainerProperties();
        settings.setGroupId(live.groupId() + "-market");
        settings.setClientId(live.groupId() + "-market");
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
        container.setAutoStartup(true);
        container.setupMessageListener(listener);
        return container;
    }
}
