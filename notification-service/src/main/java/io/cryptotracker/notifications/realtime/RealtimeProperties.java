package io.cryptotracker.notifications.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live WebSocket fan-out ({@code /ws/signals}).
 *
 * @param instanceId this replica's name; its LIVE consumer group is {@code notification-service-live-<instanceId>}
 *        (blank: a random UUID at start)
 * @param historySize signal frames kept for {@code resume}
 * @param historyWindow how far back the LIVE consumer re-reads the signals topic at start to refill the history
 * @param sendBuffer frames queued for one socket beyond what the kernel holds; past it the socket is closed (1013)
 * @param pingInterval protocol ping to every socket this often
 * @param idleTimeout a socket with no client frame or pong this long is closed (1001)
 * @param reorderWait how long a gap in {@code seq} holds back later frames before they go on without it
 * @param ticketTtl how long a {@code ws-ticket} can be used
 * @param closeTimeout how long a socket closed by the server may take to read its close frame before the TCP
 *        connection is dropped
 * @param socketSendBuffer the kernel send buffer (SO_SNDBUF) of each socket in bytes; 0 leaves the OS default
 * @param maxFramePayload the largest client frame accepted
 */
@ConfigurationProperties("notifications.ws")
public record RealtimeProperties(String instanceId, @DefaultValue("10000") int historySize,
        @DefaultValue("PT1H") Duration historyWindow, @DefaultValue("32") int sendBuffer,
        @DefaultValue("PT30S") Duration pingInterval, @DefaultValue("PT90S") Duration idleTimeout,
        @DefaultValue("PT0.25S") Duration reorderWait, @DefaultValue("PT30S") Duration ticketTtl,
        @DefaultValue("PT5S") Duration closeTimeout, @DefaultValue("0") int socketSendBuffer,
        @DefaultValue("8192") int maxFramePayload) {
}
