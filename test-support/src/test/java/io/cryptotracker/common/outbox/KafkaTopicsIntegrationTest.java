package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.Topics;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;

/** A service with Kafka creates the suite's topics at start-up (3 partitions each by default). Real Kafka. */
@EmbeddedInfrastructure
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml",
        "cryptotracker.outbox.poll-interval=100ms", "cryptotracker.outbox.send-timeout=2s" })
class KafkaTopicsIntegrationTest {

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void theSuitesTopicsExistWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<String, TopicDescription> topics = admin
                    .describeTopics(List.of(Topics.USERS, Topics.MARKET, Topics.SIGNALS, Topics.AUDIT))
                    .allTopicNames().get();

            assertThat(topics.values()).hasSize(4).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }
}
