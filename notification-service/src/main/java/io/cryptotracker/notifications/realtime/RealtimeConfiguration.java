package io.cryptotracker.notifications.realtime;

import java.time.Clock;

import io.cryptotracker.common.security.reactive.ReactiveProblemResponses;
import io.cryptotracker.notifications.users.UserDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the live fan-out: LIVE consumer, history, sockets, tickets, and Reactor Netty sized for 10k sockets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration {

    @Bean
    RealtimeMetrics realtimeMetrics(MeterRegistry registry) {
        return new RealtimeMetrics(registry);
    }

    @Bean
    SignalFrames signalFrames(JsonMapper json) {
        return new SignalFrames(json);
    }

    @Bean(destroyMethod = "clear")
    SignalHistory signalHistory(RealtimeProperties properties) {
        return new SignalHistory(properties.historySize());
    }

    @Bean
    SocketFanout socketFanout(RealtimeProperties properties, RealtimeMetrics metrics, SignalHistory history) {
        return new SocketFanout(properties, metrics, history);
    }

    @Bean
    WsTickets wsTickets(JdbcClient jdbc, RealtimeProperties properties) {
        return new WsTickets(jdbc, Clock.systemUTC(), properties.ticketTtl());
    }

    @Bean
    SocketAuthenticator socketAuthenticator(WsTickets tickets, UserDirectory directory) {
        return new SocketAuthenticator(tickets, directory);
    }

    @Bean
    SocketSessions socketSessions(SocketFanout fanout, UserDirectory directory, SocketAuthenticator authenticator,
            RealtimeMetrics metrics, SignalFrames frames, JsonMapper json, RealtimeProperties properties) {
        return new SocketSessions(fanout, directory, authenticator, metrics, frames, json,
                properties.maxFramePayload());
    }

    @Bean
    SignalSocketEndpoint signalSocketEndpoint(SocketAuthenticator authenticator, SocketSessions sessions,
            ReactiveProblemResponses problems, JsonMapper json, RealtimeProperties properties) {
        return new SignalSocketEndpoint(authenticator, sessions, problems, json, properties);
    }

    @Bean
    LiveConsumer liveConsumer(KafkaProperties kafka, RealtimeProperties properties, SignalFrames frames,
            SocketFanout fanout, SocketSessions sessions, UserDirectory directory) {
        return new LiveConsumer(kafka.buildConsumerProperties(), LiveConsumer.groupId(properties.instanceId()),
                properties, frames, fanout, sessions, directory, Clock.systemUTC());
    }

    /**
     * 10k sockets: a deep accept backlog for reconnect storms, a small per-socket write watermark (a slow reader's
     * backlog is counted in frames, {@code send-buffer}), and optionally a fixed kernel send buffer.
     */
    @Bean
    NettyServerCustomizer socketServerCustomizer(RealtimeProperties properties) {
        return server -> {
            var customized = server.option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(16 * 1024, 64 * 1024))
                    .childOption(ChannelOption.TCP_NODELAY, true);
            return properties.socketSendBuffer() > 0
                    ? customized.childOption(ChannelOption.SO_SNDBUF, properties.socketSendBuffer()) : customized;
        };
    }
}
