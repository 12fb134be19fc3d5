package io.cryptotracker.users.config;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Redelivers a record whose handling failed (the database was down, say) with a growing pause for as long as it
 * takes: a skipped UserRegistered would leave a user without a profile, a skipped AuditEvent a hole in the log.
 * Records that are not events we understand never fail: the listeners ignore them.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumerConfiguration {

    @Bean
    CommonErrorHandler retryUntilHandled() {
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
