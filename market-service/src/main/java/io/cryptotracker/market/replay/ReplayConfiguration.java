package io.cryptotracker.market.replay;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the replay stub in replay mode ({@code cryptotracker.market.mode=replay}, the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cryptotracker.market.mode", havingValue = "replay", matchIfMissing = true)
class ReplayConfiguration {

    @Bean(destroyMethod = "close")
    ReplayServer replayServer(@Value("${cryptotracker.market.replay.root:replay}") String root,
            @Value("${cryptotracker.market.replay.port:0}") int port) throws IOException {
        return new ReplayServer(root, port);
    }
}
