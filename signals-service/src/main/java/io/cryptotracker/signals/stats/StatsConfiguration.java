package io.cryptotracker.signals.stats;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The statistics' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatsProperties.class)
class StatsConfiguration {
}
