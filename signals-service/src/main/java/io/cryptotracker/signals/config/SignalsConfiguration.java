package io.cryptotracker.signals.config;

import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.SpotFuturesDetector;
import io.cryptotracker.signals.execution.DexRoute;
import io.cryptotracker.signals.execution.ExecutionPricer;
import io.cryptotracker.signals.execution.ExecutionSettings;
import io.cryptotracker.signals.execution.LatestMarket;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The plain detector classes as beans, settings and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignalsProperties.class)
@EnableScheduling
class SignalsConfiguration {

    @Bean
    DetectionSettings detectionSettings(SignalsProperties properties) {
        return properties.detection().settings();
    }

    @Bean
    ExecutionSettings executionSettings(SignalsProperties properties) {
        return properties.execution().settings();
    }

    @Bean
    LatestMarket latestMarket(ExecutionSettings settings) {
        return new LatestMarket(settings.bookMaxAge());
    }

    @Bean
    DexRoute dexRoute(ExecutionSettings settings, DetectionSettings detection) {
        return new DexRoute(settings, detection);
    }

    @Bean
    ExecutionPricer executionPricer(ExecutionSettings settings, DetectionSettings detection, DexRoute dex) {
        return new ExecutionPricer(settings, detection, dex);
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
}
