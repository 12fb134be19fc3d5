package io.cryptotracker.signals.outcome;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The outcome ledger's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutcomeSettings.class)
class OutcomeConfiguration {
}
