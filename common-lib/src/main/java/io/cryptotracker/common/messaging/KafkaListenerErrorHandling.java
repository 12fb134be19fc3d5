package io.cryptotracker.common.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * Every service's Kafka listeners redeliver a record whose handling failed (the database was down, say) with a
 * growing pause instead of skipping it after a few tries: a skipped event would be a user without a profile, a wrong
 * tier or a lost notification. Records that are not events a service understands never fail (the listeners ignore
 * them), so nothing is stuck for good. Boot's default listener container factory takes this one
 * {@link CommonErrorHandler}; the pauses are {@code cryptotracker.kafka.listener.retry.*}
 * ({@link KafkaListenerProperties}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(DefaultErrorHandler.class)
@EnableConfigurationProperties(KafkaListenerProperties.class)
public class KafkaListenerErrorHandling {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerBackOff")
    BackOff kafkaListenerBackOff(KafkaListenerProperties properties) {
        return properties.retry().toBackOff();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaListenerErrorHandler(BackOff kafkaListenerBackOff) {
        return new DefaultErrorHandler(kafkaListenerBackOff);
    }
}
