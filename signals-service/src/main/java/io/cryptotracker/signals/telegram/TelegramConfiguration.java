package io.cryptotracker.signals.telegram;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain post parser as a bean, next to the ingestion that uses it (config never imports a feature's wiring). */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

    @Bean
    PostParser postParser() {
        return new PostParser();
    }
}
