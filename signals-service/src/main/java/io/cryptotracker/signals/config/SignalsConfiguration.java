package io.cryptotracker.signals.config;

import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.SpotFuturesDetector;
import io.cryptotracker.signals.telegram.PostParser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The plain detector and parser classes as beans, settings and scheduling. */
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

    @Bean
    PostParser postParser() {
        return new PostParser();
    }
}
