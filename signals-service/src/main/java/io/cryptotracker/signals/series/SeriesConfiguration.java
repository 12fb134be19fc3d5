package io.cryptotracker.signals.series;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The spread series' settings ({@link SeriesSettings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SeriesSettings.class)
class SeriesConfiguration {
}
