package io.cryptotracker.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic settings (the topics themselves appear on a real broker: test-support's KafkaTopicsIntegrationTest). */
class KafkaTopicsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaTopicsConfiguration.class))
            .withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of()));

    @Test
    void theSuitesTopicsHaveThreePartitionsAndOneReplicaByDefault() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(KafkaAdmin.NewTopics.class);
            assertThat(ctx.getBean(KafkaTopicsProperties.class)).isEqualTo(new KafkaTopicsProperties(3, (short) 1));
        });
    }

    @Test
    void partitionsAndReplicasAreConfigurable() {
        context.withPropertyValues("cryptotracker.kafka.partitions=6", "cryptotracker.kafka.replicas=3")
                .run(ctx -> assertThat(ctx.getBean(KafkaTopicsProperties.class))
                        .isEqualTo(new KafkaTopicsProperties(6, (short) 3)));
    }

    @Test
    void withoutKafkaThereIsNothingToDeclare() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaTopicsConfiguration.class))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(KafkaAdmin.NewTopics.class));
    }
}
