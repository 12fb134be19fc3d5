package io.cryptotracker.gateway.support;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * The tests' client of the gateway: a connection to the loopback address that is not established within 5 s is
 * tried again (twice at most). Seen on the CI sandbox's network stack under load: a connect that neither completed
 * nor failed until Reactor Netty's 30 s connect timeout, so the test failed on its 30 s response timeout with
 * nothing wrong in the gateway. A request whose connection never opened was never sent, so trying again is safe for
 * any method; a slow answer on an open connection is not retried.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LoopbackClient {

    private static final Logger log = LoggerFactory.getLogger(LoopbackClient.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    WebTestClientBuilderCustomizer connectAgainWhenTheConnectionDoesNotOpen() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis());
        return builder -> {
            log.info("Gateway test client: connect timeout {}, tried again twice at most", CONNECT_TIMEOUT);
            builder.clientConnector(new ReactorClientHttpConnector(http))
                    .filter((request, next) -> next.exchange(request).retryWhen(Retry.max(2)
                            .filter(error -> NestedExceptionUtils.getRootCause(error) instanceof ConnectTimeoutException)
                            .doBeforeRetry(signal -> log.warn("No connection to {} within {}: trying again",
                                    request.url(), CONNECT_TIMEOUT))));
        };
    }
}
