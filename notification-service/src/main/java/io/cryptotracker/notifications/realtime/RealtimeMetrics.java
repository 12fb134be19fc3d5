package io.cryptotracker.notifications.realtime;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The socket meters of the contract: names fixed, the alerts and dashboards are built on them. */
final class RealtimeMetrics {

    private static final Logger log = LoggerFactory.getLogger(RealtimeMetrics.class);

    /** Why a socket closed: the {@code reason} tag of {@code notifications_ws_connections_closed_total}. */
    enum CloseReason {
        CLIENT, SLOW_READER, IDLE, DOWNGRADED, SHUTDOWN, ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The window of the published latency's percentiles and frame count. */
    static final Duration LATENCY_WINDOW = Duration.ofHours(1);
    /** The window slides in steps of window / buffers (5 minutes). */
    private static final int LATENCY_BUFFERS = 12;

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> transports = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter opened;
    private final Map<CloseReason, Counter> closed = new EnumMap<>(CloseReason.class);
    final Counter signalFrames;
    final Counter notificationFrames;
    final Counter pongFrames;
    final Counter errorFrames;
    private final Timer delivery;
    private final Timer publishLatency;
    private final WindowCount published;

    RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("notifications.ws.connections", open, AtomicInteger::get)
                .description("Open WebSocket connections").register(registry);
        opened = Counter.builder("notifications.ws.connections.opened").description("WebSocket connections accepted")
                .register(registry);
        for (CloseReason reason : CloseReason.values()) {
            closed.put(reason, Counter.builder("notifications.ws.connections.closed").tag("reason", reason.tag())
                    .description("WebSocket connections closed, by reason").register(registry));
        }
        signalFrames = frames(registry, "signal");
        notificationFrames = frames(registry, "notification");
        pongFrames = frames(registry, "pong");
        errorFrames = frames(registry, "error");
        delivery = Timer.builder("notifications.signal.delivery")
                .description("From a signal event's occurred_at to its frame written to a socket, per delivery")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        publishLatency = Timer.builder("cryptotracker.stream.publish.latency")
                .description("From what a signal frame tells (detection, update, close) to the frame released to "
                        + "this replica's sockets, per frame")
                .publishPercentiles(0.5, 0.99).percentilePrecision(2)
                .distributionStatisticExpiry(LATENCY_WINDOW).distributionStatisticBufferLength(LATENCY_BUFFERS)
                .register(registry);
        published = new WindowCount(LATENCY_WINDOW, LATENCY_BUFFERS);
    }

    private static Counter frames(MeterRegistry registry, String type) {
        return Counter.builder("notifications.ws.frames.sent").tag("type", type)
                .description("Frames written to WebSocket clients, by type").register(registry);
    }

    /**
     * The transport of an accepted socket ({@link #transport(Channel)}): gauge
     * {@code notifications_ws_transport{transport}} = open sockets on it, so a deployment that lost Netty's native
     * library (sockets on {@code nio}) shows it. Returns the counter of open sockets on that transport.
     */
    AtomicInteger transportOpened(String transport) {
        AtomicInteger sockets = transports.computeIfAbsent(transport, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("notifications.ws.transport", count, AtomicInteger::get).tag("transport", name)
                    .description("Open WebSocket connections by Netty transport (epoll: the native one)")
                    .register(registry);
            log.info("WebSocket sockets are served over the {} transport", name);
            return count;
        });
        sockets.incrementAndGet();
        return sockets;
    }

    /** {@code epoll}, {@code io_uring}, {@code kqueue} or {@code nio}: from the class of the socket's channel. */
    static String transport(Channel channel) {
        String name = channel.getClass().getSimpleName();
        if (name.startsWith("Epoll")) {
            return "epoll";
        }
        if (name.startsWith("IoUring")) {
            return "io_uring";
        }
        if (name.startsWith("KQueue")) {
            return "kqueue";
        }
        if (name.startsWith("Nio")) {
            return "nio";
        }
        return name;
    }

    void opened() {
        open.incrementAndGet();
        opened.increment();
    }

    void closed(CloseReason reason) {
        open.decrementAndGet();
        closed.get(reason).increment();
    }

    double closedCount(CloseReason reason) {
        return closed.get(reason).count();
    }

    void delivered(long latencyMicros, int deliveries) {
        long nanos = Math.max(0, latencyMicros) * 1_000;
        for (int i = 0; i < deliveries; i++) {
            delivery.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A frame released to the sockets at {@code releasedAtMicros}: its latency from the event it tells. */
    void published(long eventTimeMicros, long releasedAtMicros) {
        if (eventTimeMicros == 0) {
            return;
        }
        publishLatency.record(Math.max(0, releasedAtMicros - eventTimeMicros) * 1_000, TimeUnit.NANOSECONDS);
        published.increment(releasedAtMicros / 1_000);
    }

    /** Event → release over the last {@link #LATENCY_WINDOW} (percentiles of Micrometer's rotating window). */
    PublishLatency publishLatency(long nowMillis) {
        long frames = published.sum(nowMillis);
        Double median = null;
        Double p99 = null;
        if (frames > 0) {
            for (ValueAtPercentile value : publishLatency.takeSnapshot().percentileValues()) {
                double millis = value.value(TimeUnit.MILLISECONDS);
                if (value.percentile() == 0.5) {
                    median = millis;
                }
                else if (value.percentile() == 0.99) {
                    p99 = millis;
                }
            }
        }
        return new PublishLatency(LATENCY_WINDOW.toSeconds(), frames, median, p99);
    }
}
