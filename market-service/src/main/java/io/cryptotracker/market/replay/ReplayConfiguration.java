package io.cryptotracker.market.replay;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the replay stub in replay mode ({@code cryptotracker.market.mode=replay}, the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cryptotracker.market.mode", havingValue = "replay", matchIfMissing = true)
@EnableConfigurationProperties(ReplayProperties.class)
class ReplayConfiguration {

    @Bean(destroyMethod = "close")
    ReplayServer replayServer(ReplayProperties properties) throws IOException {
        return new ReplayServer(properties.root(), properties.port());
    }
}
