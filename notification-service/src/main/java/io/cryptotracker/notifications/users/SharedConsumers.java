package io.cryptotracker.notifications.users;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The shared consumers (group {@code notification-service}) redeliver a record whose handling failed (the database
 * was down, say) with a growing pause for as long as it takes, instead of skipping it after a few tries: a skipped
 * {@code SignalCreated} would be a notification and an email lost, a skipped {@code SubscriptionChanged} a wrong tier.
 * Only these listeners get it ({@code containerPostProcessor = SharedConsumers.RETRY_UNTIL_HANDLED}); records that
 * are not events this service reads never fail, the listeners skip them.
 */
@Configuration(proxyBeanMethods = false)
public class SharedConsumers {

    public static final String RETRY_UNTIL_HANDLED = "sharedConsumersRetryUntilHandled";

    @Bean(RETRY_UNTIL_HANDLED)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> retryUntilHandled() {
        return container -> {
            ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2.0);
            backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }
}
