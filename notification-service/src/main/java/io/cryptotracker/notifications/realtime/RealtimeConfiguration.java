package io.cryptotracker.notifications.realtime;

import java.time.Clock;

import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.messaging.ReplicaFeed;
import io.cryptotracker.common.security.reactive.ReactiveProblemResponses;
import io.cryptotracker.notifications.users.UserDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the live fan-out: LIVE consumer, history, sockets, tickets, and Reactor Netty sized for 10k sockets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration {

    private static final long LIVE_POLL_MILLIS = 50;

    @Bean
    RealtimeMetrics realtimeMetrics(MeterRegistry registry) {
        return new RealtimeMetrics(registry);
    }

    @Bean
    SignalFrames signalFrames(JsonMapper json, Clock clock) {
        return new SignalFrames(json, clock);
    }

    @Bean(destroyMethod = "clear")
    SignalHistory signalHistory(RealtimeProperties properties) {
        return new SignalHistory(properties.historySize());
    }

    @Bean
    SocketFanout socketFanout(RealtimeProperties properties, RealtimeMetrics metrics, SignalHistory history,
            Clock clock) {
        return new SocketFanout(properties, metrics, history, clock);
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
    LiveConsumer liveConsumer(RealtimeProperties properties, SignalFrames frames, SocketFanout fanout,
            SocketSessions sessions, UserDirectory directory) {
        return new LiveConsumer(LiveConsumer.groupId(properties.instanceId()), properties, frames, fanout, sessions,
                directory, Clock.systemUTC());
    }

    /**
     * The LIVE consumer's container, from Boot's listener container factory (its consumer settings; not its error
     * handler): this replica's own group, one consumer thread, nothing committed (every assignment seeks back), short
     * polls and an idle callback after {@value #LIVE_POLL_MILLIS} ms without records, so frames held back by a gap in
     * {@code seq} go on within {@code reorder-wait} plus that. A replica restarted under the same instance id rejoins
     * a group that still holds its dead member until the session times out, and holds resumes until then: that is
     * kept short unless configured (Kafka's default is 45 s); the group commits nothing, so a rebalance costs nothing else. Started
     * after the web server; stopped after the sockets are closed ({@link SocketSessions} stops first).
     */
    @Bean
    ConcurrentMessageListenerContainer<Object, Object> liveConsumerContainer(
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory, LiveConsumer listener) {
        // a ReplicaFeed: nothing committed, so every assignment seeks back (LiveConsumer); errors logged, not retried,
        // as a batch replayed to every socket again and again would hold up newer signals (the listener skips a bad
        // record itself); running even where the shared listeners are switched off
        ConcurrentMessageListenerContainer<Object, Object> container = ReplicaFeed.container(factory,
                listener.groupId(), Topics.SIGNALS, Topics.USERS);
        ContainerProperties settings = container.getContainerProperties();
        settings.setPollTimeout(LIVE_POLL_MILLIS);
        settings.setIdleEventInterval(LIVE_POLL_MILLIS);
        settings.setIdleBeforeDataMultiplier(1.0);
        container.setupMessageListener(listener);
        return container;
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
