package io.cryptotracker.signals.telegram;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The Telegram check's settings ({@link ConfirmationSettings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfirmationSettings.class)
class ConfirmationConfiguration {
}
