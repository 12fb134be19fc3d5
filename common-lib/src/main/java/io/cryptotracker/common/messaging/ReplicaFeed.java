package io.cryptotracker.common.messaging;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * A listener container that feeds one replica with every record of its topics (a socket fan-out, an in-memory
 * cache), from Boot's listener container factory so it has the services' consumer settings: a group of this replica
 * alone, starting at the latest offset, committing nothing (every assignment starts afresh, and the group leaves no
 * offsets behind), one thread. Not the shared retry-until-handled error handler ({@link KafkaListenerErrorHandling}):
 * a record replayed again and again would hold up every newer one, so failures are logged and the feed goes on. It
 * runs also where the shared listeners are switched off ({@code spring.kafka.listener.auto-startup=false}). A group
 * that rejoins under the same id after a restart waits for its dead member's session to end, so the session is kept
 * short (10 s) unless configured.
 */
public final class ReplicaFeed {

    private ReplicaFeed() {
    }

    /** The container; the caller sets the listener and anything of its own. */
    public static ConcurrentMessageListenerContainer<Object, Object> container(
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, String groupId, String... topics) {
        ConcurrentMessageListenerContainer<Object, Object> container = factory.createContainer(topics);
        ContainerProperties settings = container.getContainerProperties();
        settings.setGroupId(groupId);
        settings.setClientId(groupId);
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
        return container;
    }
}
