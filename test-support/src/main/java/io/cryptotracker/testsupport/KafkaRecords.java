package io.cryptotracker.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reads what a service under test published (and publishes what its peers would), with a plain Kafka consumer on the shared embedded broker. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /**
     * The first record on the topic, read from the beginning, with this key and a value containing the text.
     *
     * @throws AssertionError when none arrives within 30 seconds
     */
    public static ConsumerRecord<String, String> awaitRecord(String topic, String key, String containing) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && record.value().contains(containing)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record with key " + key + " containing " + containing + " on " + topic);
    }

    /** A plain producer of JSON strings on the shared embedded broker, for publishing the events a peer would. */
    public static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.shared().kafkaBootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * Waits until the consumer group has handled (committed) every record already on the topics: a test context
     * whose group reads from the beginning of a broker other test classes used first works through their records
     * before it sees the test's own, and a test must not race that backlog.
     *
     * @throws org.awaitility.core.ConditionTimeoutException when the group has not caught up within 30 seconds
     */
    public static void awaitCaughtUp(String groupId, String... topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.shared().kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topics)).allTopicNames().get().values()
                    .stream().flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            Awaitility.await("consumer group " + groupId + " caught up with " + List.of(topics))
                    .atMost(Duration.ofSeconds(30)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                                .partitionsToOffsetAndMetadata().get();
                        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                                || (committed.get(end.getKey()) != null
                                        && committed.get(end.getKey()).offset() >= end.getValue()));
                    });
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
