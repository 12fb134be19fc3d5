package io.cryptotracker.signals.market;

import java.time.Clock;
import java.util.UUID;

import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.messaging.ReplicaFeed;
import io.cryptotracker.signals.execution.LatestMarket;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Every snapshot of every symbol into this replica's {@link LatestMarket}, for the position calculator: the detection
 * listener reads only the partitions Kafka gave this replica in the shared group, so with several replicas a
 * calculator request would otherwise find no market for most symbols. A container in a group of this replica's own
 * ({@code signals-service-latest-<random>}, common-lib {@link ReplicaFeed}: latest offset, nothing committed, so the
 * group leaves no offsets behind when the replica stops). A record it cannot read is skipped.
 */
@Configuration(proxyBeanMethods = false)
class LatestMarketFeed {

    @Bean
    ConcurrentMessageListenerContainer<Object, Object> latestMarketContainer(
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, LatestMarket latest, Clock clock) {
        ConcurrentMessageListenerContainer<Object, Object> container = ReplicaFeed.container(factory,
                "signals-service-latest-" + UUID.randomUUID(), Topics.MARKET);
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
