package io.cryptotracker.market.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the replay stub serves from.
 *
 * @param root the classpath folder of the recorded answers
 * @param port its loopback port, 0 for a free one
 */
@ConfigurationProperties("cryptotracker.market.replay")
record ReplayProperties(@DefaultValue("replay") String root, @DefaultValue("0") int port) {
}
