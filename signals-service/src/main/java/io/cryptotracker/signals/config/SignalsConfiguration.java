package io.cryptotracker.signals.config;

import java.time.Duration;

import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.SpotFuturesDetector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

/** The plain detector classes as beans, settings, scheduling and Kafka redelivery. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignalsProperties.class)
@EnableScheduling
class SignalsConfiguration {

    @Bean
    DetectionSettings detectionSettings(SignalsProperties properties) {
        return properties.detection().settings();
    }

    @Bean
    SpotFuturesDetector spotFuturesDetector(DetectionSettings settings) {
        return new SpotFuturesDetector(settings);
    }

    @Bean
    FundingRateDetector fundingRateDetector(DetectionSettings settings) {
        return new FundingRateDetector(settings);
    }

    @Bean
    DexDetector dexDetector(DetectionSettings settings) {
        return new DexDetector(settings);
    }

    /**
     * A snapshot whose handling failed (the database was away) is retried with a growing pause; a newer snapshot
     * of the symbol follows anyway, so retries stop after about a minute rather than block the partition.
     */
    @Bean
    CommonErrorHandler retryThenSkip() {
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
        backOff.setMaxElapsedTime(Duration.ofMinutes(1).toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
