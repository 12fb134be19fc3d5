package io.cryptotracker.notifications.realtime;


import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.messaging.ReplicaFeed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
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

    /** A {@link ReplicaFeed} like the LIVE consumer's: latest offset, nothing committed, errors logged. */
    @Bean
    ConcurrentMessageListenerContainer<Object, Object> fundingIntervalSocketContainer(
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, LiveConsumer live,
            FundingIntervalSockets listener) {
        ConcurrentMessageListenerContainer<Object, Object> container = ReplicaFeed.container(factory,
                live.groupId() + "-market", Topics.MARKET);
        container.setupMessageListener(listener);
        return container;
    }
}
