import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.Topics;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.AttributeKey;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The WebSocket fan-out load generator: N concurrent VIP WebSocket clients (Netty, a few event-loop threads, bearer
 * token on the upgrade) and a publisher of {@code SignalCreated} events to Kafka at fixed rates, in one JVM with one
 * clock. Each signal's {@code data.detected_at}/{@code updated_at}/{@code occurred_at} is its publish time; a client
 * takes latency = receipt time minus that time (looked up by the frame's {@code seq}, which the publisher recorded
 * with the same timestamp it put in the event; every 1000th frame its {@code data.updated_at} is parsed and compared).
 *
 * <p>For every client count: connect (at most {@code --inflight} handshakes at a time), memory per connection of
 * every monitored process (RSS, and heap after a full GC through jcmd), warm-up, then a ladder of publish rates, each
 * held {@code --step-seconds}, until saturation (delivered &lt; 90 % of offered, missing &gt; 1 % or p99 &gt; 2 s).
 * Results: a Markdown fragment ({@code --out}).
 */
public final class WsBench {

    static final int MAX_SIGNALS = 1 << 21;
    static final long[] PUBLISHED_MICROS = new long[MAX_SIGNALS];
    static final short[] STEP_OF = new short[MAX_SIGNALS];
    static volatile long firstSeq;
    static final Map<String, String> OPTIONS = new HashMap<>();
    static final long CLOCK_BASE_MICROS = System.currentTimeMillis() * 1000L;
    static final long CLOCK_BASE_NANOS = System.nanoTime();

    /** One clock for publishing and receiving: wall time at start plus the monotonic clock since. */
    static long nowMicros() {
        return CLOCK_BASE_MICROS + (System.nanoTime() - CLOCK_BASE_NANOS) / 1000L;
    }

    public static void main(String[] args) throws Exception {
        // before Netty's classes load: no sampled leak tracking (stack traces) on the receive path
        System.setProperty("io.netty.leakDetection.level", "disabled");
        for (int i = 0; i + 1 < args.length; i += 2) {
            OPTIONS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new WsBench().run();
    }

    static String opt(String name, String fallback) {
        return OPTIONS.getOrDefault(name, fallback);
    }

    static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    // ------------------------------------------------------------------------------------------------------------

    final URI uri = URI.create(opt("url", "ws://127.0.0.1:8085/ws/signals"));
    final String label = opt("label", "direct");
    final int[] clientCounts = ints(opt("clients", "1000,5000,10000"));
    final int[] rates = ints(opt("rates", "1,5,10,20,50,100,200,500"));
    final long maxOffered = Long.parseLong(opt("max-offered", "1500000"));
    final int stepSeconds = Integer.parseInt(opt("step-seconds", "15"));
    final int warmupSeconds = Integer.parseInt(opt("warmup-seconds", "20"));
    final int warmupRate = Integer.parseInt(opt("warmup-rate", "10"));
    final int threads = Integer.parseInt(opt("threads", "2"));
    final int inflight = Integer.parseInt(opt("inflight", "200"));
    final boolean subscribeAll = Boolean.parseBoolean(opt("subscribe-all", "false"));
    final Path out = Path.of(opt("out", "results.md"));
    final Map<String, Long> pids = new LinkedHashMap<>();
    final String jcmd = opt("jcmd", "jcmd");
    final List<String> notes = new ArrayList<>();

    final EventLoopGroup group;
    final Class<? extends SocketChannel> channelType;
    final List<LoopStats> loopStats = new ArrayList<>();
    final Map<EventLoop, LoopStats> statsByLoop = new ConcurrentHashMap<>();
    final Connections connections = new Connections();
    KafkaProducer<String, String> producer;
    long nextSeq;
    short step;

    WsBench() {
        if (Epoll.isAvailable()) {
            group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
            channelType = EpollSocketChannel.class;
        }
        else {
            group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
            channelType = NioSocketChannel.class;
        }
        for (var executor : group) {
            LoopStats stats = new LoopStats();
            loopStats.add(stats);
            statsByLoop.put((EventLoop) executor, stats);
        }
        for (String spec : opt("pids", "").split(",")) {
            if (spec.contains("=")) {
                pids.put(spec.substring(0, spec.indexOf('=')), Long.parseLong(spec.substring(spec.indexOf('=') + 1)));
            }
        }
        pids.put("load generator", ProcessHandle.current().pid());
    }

    void run() throws Exception {
        firstSeq = Long.parseLong(opt("first-seq", "1"));
        nextSeq = firstSeq;
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, opt("kafka", "localhost:9092"));
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "1");
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(producerProperties);
        startKafkaProbe();
        if (OPTIONS.containsKey("check")) {
            System.exit(check() ? 0 : 1);
        }
        int maxClients = Arrays.stream(clientCounts).max().orElse(0);
        String[] tokens = mintTokens(maxClients, "VIP");
        StringBuilder rows = new StringBuilder();
        StringBuilder memory = new StringBuilder();
        boolean firstRound = true;
        try {
            for (int clients : clientCounts) {
                runClientCount(clients, tokens, firstRound, rows, memory);
                firstRound = false;
            }
        }
        finally {
            producer.close(Duration.ofSeconds(5));
            Files.writeString(Path.of(opt("seq-file", "last-seq")), Long.toString(nextSeq));
            writeResults(rows, memory);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    void runClientCount(int clients, String[] tokens, boolean firstRound, StringBuilder rows, StringBuilder memory)
            throws Exception {
        log("=== %s: %d clients ===", label, clients);
        Map<String, long[]> before = memorySnapshot();
        Map<String, long[]> cpuBeforeConnect = cpuSnapshot();
        long connectStart = System.nanoTime();
        ConnectResult connected = connect(clients, tokens);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        Map<String, long[]> cpuAfterConnect = cpuSnapshot();
        log("connected %d of %d in %.1f s (%s)", connected.open, clients, connectSeconds, connected.failures);
        if (connected.open == 0) {
            memory.append(String.format(Locale.ROOT, "| %s | %,d | 0 | – | – | – | – | – | %s |%n", label, clients,
                    connected.failures));
            disconnectAll();
            return;
        }
        Thread.sleep(2000);
        Map<String, long[]> after = memorySnapshot();
        memory.append(memoryRow(clients, connected, connectSeconds, before, after,
                connectCpu(connected.open, cpuBeforeConnect, cpuAfterConnect)));
        // warm-up: JIT of the whole path (longer the first time), not measured
        int warmup = firstRound ? warmupSeconds : Math.max(5, warmupSeconds / 4);
        log("warm-up: %d s at %d signals/s", warmup, warmupRate);
        publishStep(warmupRate, warmup, (short) 0);
        drain((short) 0, connections.openCount(), 3000);
        for (int rate : rates) {
            long offered = (long) rate * connected.open;
            if (offered > maxOffered) {
                break;
            }
            StepResult result = measureStep(rate);
            rows.append(result.row(connected.open));
            log("%s", result.summary(connected.open));
            if (result.saturated()) {
                log("saturated at %d signals/s", rate);
                break;
            }
            if (connections.openCount() == 0) {
                break;
            }
        }
        disconnectAll();
    }

    // ---------------------------------------------------------------------------------------------- connecting

    record ConnectResult(int open, String failures) {
    }

    ConnectResult connect(int clients, String[] tokens) throws InterruptedException {
        Semaphore permits = new Semaphore(inflight);
        CountDownLatch done = new CountDownLatch(clients);
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger open = new AtomicInteger();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        HttpHeaders headers = new DefaultHttpHeaders();
                        String token = channel.attr(TOKEN).get();
                        if (!token.isEmpty()) {
                            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
                        }
                        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                                .webSocketUri(uri).version(WebSocketVersion.V13).customHeaders(headers)
                                .maxFramePayloadLength(1 << 20).handshakeTimeoutMillis(60_000)
                                .dropPongFrames(true).handleCloseFrames(false)
                                // the frames are only scanned for "seq": no UTF-8 check of every byte
                                .withUTF8Validator(false).build();
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(config),
                                new ClientHandler(statsByLoop.get(channel.eventLoop())));
                    }
                });
        for (int i = 0; i < clients; i++) {
            permits.acquire();
            Connection connection = new Connection();
            ChannelFuture future = bootstrap.clone().attr(TOKEN, tokens[i]).attr(CONNECTION, connection)
                    .connect(uri.getHost(), uri.getPort());
            Channel channel = future.channel();
            connection.channel = channel;
            connection.handshake.whenComplete((ok, error) -> {
                if (error == null) {
                    open.incrementAndGet();
                    connections.add(connection);
                    if (subscribeAll) {
                        channel.writeAndFlush(new TextWebSocketFrame(
                                "{\"type\":\"subscribe\",\"kinds\":[],\"symbols\":[],\"min_spread\":0}"));
                    }
                }
                else {
                    failures.computeIfAbsent(describe(error), k -> new AtomicInteger()).incrementAndGet();
                    channel.close();
                }
                permits.release();
                done.countDown();
            });
            future.addListener(f -> {
                if (!f.isSuccess()) {
                    connection.handshake.completeExceptionally(f.cause());
                }
            });
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            failures.computeIfAbsent("handshake not finished in 5 min", k -> new AtomicInteger())
                    .addAndGet((int) done.getCount());
        }
        String failureText = failures.isEmpty() ? "no failures"
                : failures.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                        .reduce((a, b) -> a + "; " + b).orElse("");
        return new ConnectResult(open.get(), failureText);
    }

    static String describe(Throwable error) {
        if (error instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
            return "HTTP " + handshake.response().status().code();
        }
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        if (message.length() > 80) {
            message = message.substring(0, 80);
        }
        return error.getClass().getSimpleName() + message.replaceAll("/127\\.0\\.0\\.1:\\d+", "");
    }

    void disconnectAll() throws InterruptedException {
        List<Connection> all = connections.drain();
        log("closing %d connections", all.size());
        for (Connection connection : all) {
            connection.closing = true;
            connection.channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench step done"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Connection connection : all) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                connection.channel.closeFuture().await(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
            if (connection.channel.isOpen()) {
                // no TIME_WAIT left behind on the client's side: an abortive close
                connection.channel.config().setOption(ChannelOption.SO_LINGER, 0);
                connection.channel.close();
            }
        }
        Thread.sleep(2000);
    }

    // ---------------------------------------------------------------------------------------------- publishing

    /** Publishes at a fixed rate for the given seconds (open loop: a late send does not delay the schedule). */
    long publishStep(int rate, int seconds, short stepId) {
        long count = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            publishOne(stepId);
        }
        long end = start + count * intervalNanos;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
        return count;
    }

    static final String[] SYMBOLS = { "BTC/USDT", "ETH/USDT", "SOL/USDT", "PEPE/USDT", "DOGE/USDT", "XRP/USDT",
            "WIF/USDT", "TON/USDT" };

    void publishOne(short stepId) {
        long seq = nextSeq++;
        int index = (int) (seq - firstSeq);
        long micros = nowMicros();
        Instant at = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L);
        STEP_OF[index] = stepId;
        PUBLISHED_MICROS[index] = micros;
        UUID id = UUID.randomUUID();
        String symbol = SYMBOLS[(int) (seq % SYMBOLS.length)];
        SignalData data = new SignalData(id, SignalData.MEXC_SPOT_FUTURES, symbol, new BigDecimal("5.12"),
                new BigDecimal("4.92"), new BigDecimal("5.12"), "OPEN", "DETECTOR", at, at, null,
                new SignalData.SpotFutures(new BigDecimal("0.01234"), new BigDecimal("0.01236"),
                        new BigDecimal("0.01299"), new BigDecimal("0.01300"), "BUY_SPOT_SHORT_PERP",
                        new BigDecimal("0.0001"), at.plusSeconds(3600), new BigDecimal("1234567.89"),
                        new BigDecimal("9876543.21")),
                null, null, null);
        SignalCreated event = new SignalCreated(UUID.randomUUID(), SignalCreated.TYPE, 1, at, id, seq, data);
        producer.send(new ProducerRecord<>(Topics.SIGNALS, event.partitionKey(), EventJson.write(event)));
    }

    // ---------------------------------------------------------------------------------------------- Kafka probe

    /** Publish time to receipt by a plain consumer in this JVM, per step: what Kafka alone adds to the latency. */
    final Map<Short, Histogram> kafkaTransit = new ConcurrentHashMap<>();

    void startKafkaProbe() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", opt("kafka", "localhost:9092"));
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        properties.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = nowMicros();
                    String value = record.value();
                    int at = value.indexOf("\"seq\":");
                    if (at < 0) {
                        continue;
                    }
                    int end = at + 6;
                    while (end < value.length() && Character.isDigit(value.charAt(end))) {
                        end++;
                    }
                    long index = Long.parseLong(value.substring(at + 6, end)) - firstSeq;
                    if (index < 0 || index >= MAX_SIGNALS) {
                        continue;
                    }
                    Histogram histogram = kafkaTransit.computeIfAbsent(STEP_OF[(int) index], k -> new Histogram());
                    synchronized (histogram) {
                        histogram.record(now - PUBLISHED_MICROS[(int) index]);
                    }
                }
            }
        }, "kafka-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** "p50 / p99" ms of the Kafka probe for a step. */
    String kafkaText(short stepId) {
        Histogram histogram = kafkaTransit.get(stepId);
        if (histogram == null) {
            return "–";
        }
        synchronized (histogram) {
            return String.format(Locale.ROOT, "%.1f / %.1f", histogram.percentile(50) / 1000.0,
                    histogram.percentile(99) / 1000.0);
        }
    }

    // ---------------------------------------------------------------------------------------------- measuring

    StepResult measureStep(int rate) throws Exception {
        short stepId = ++step;
        int openAtStart = connections.openCount();
        Totals startTotals = totals(stepId);
        Map<String, long[]> cpuStart = cpuSnapshot();
        long windowStart = System.nanoTime();
        long published = publishStep(rate, stepSeconds, stepId);
        double window = (System.nanoTime() - windowStart) / 1e9;
        Map<String, long[]> cpuEnd = cpuSnapshot();
        Totals endTotals = totals(stepId);
        long expected = published * openAtStart;
        Totals drained = drain(stepId, openAtStart, 10_000);
        StepResult result = new StepResult();
        result.kafka = kafkaText(stepId);
        result.rate = rate;
        result.published = published;
        result.clients = openAtStart;
        result.offeredPerSecond = expected / window;
        result.deliveredPerSecond = (endTotals.framesAll - startTotals.framesAll) / window;
        double allFrames = (endTotals.framesAll + endTotals.notificationFrames + endTotals.otherFrames)
                - (startTotals.framesAll + startTotals.notificationFrames + startTotals.otherFrames);
        result.allFramesPerSecond = allFrames / window;
        result.received = drained.stepFrames;
        result.missing = expected - drained.stepFrames;
        result.latency = drained.histogram;
        result.closed = drained.closed - startTotals.closed;
        result.closeCodes = new TreeMap<>(drained.closeCodes);
        startTotals.closeCodes.forEach((code, n) -> result.closeCodes.merge(code, -n, Long::sum));
        result.closeCodes.values().removeIf(n -> n == 0);
        result.outOfOrder = drained.outOfOrder - startTotals.outOfOrder;
        result.notifications = drained.notificationFrames - startTotals.notificationFrames;
        result.other = drained.otherFrames - startTotals.otherFrames;
        result.pings = drained.pings;
        result.timestampMismatches = drained.timestampMismatches;
        result.timestampChecks = drained.timestampChecks;
        for (String name : pids.keySet()) {
            long[] a = cpuStart.get(name);
            long[] b = cpuEnd.get(name);
            if (a != null && b != null) {
                double cpuSeconds = (b[0] - a[0]) / 100.0;
                result.cpu.put(name, cpuSeconds / window);
                result.cpuPerDelivery.put(name, allFrames == 0 ? 0 : cpuSeconds * 1e6 / allFrames);
                long total = b[0] - a[0];
                result.kernelShare.put(name, total <= 0 ? 0 : 100.0 * (b[1] - a[1]) / total);
            }
        }
        return result;
    }

    /** Waits until every open client got the step's signals, or nothing new arrived for 2 s, or the limit. */
    Totals drain(short stepId, int clients, long maxMillis) throws Exception {
        long deadline = System.currentTimeMillis() + maxMillis;
        long lastCount = -1;
        long lastChange = System.currentTimeMillis();
        long expected = 0;
        for (long s = firstSeq; s < nextSeq; s++) {
            if (STEP_OF[(int) (s - firstSeq)] == stepId) {
                expected++;
            }
        }
        expected *= clients;
        while (true) {
            Totals totals = totals(stepId);
            long now = System.currentTimeMillis();
            if (totals.stepFrames >= expected || now > deadline) {
                return totals;
            }
            if (totals.stepFrames != lastCount) {
                lastCount = totals.stepFrames;
                lastChange = now;
            }
            else if (lastCount > 0 && now - lastChange > 2000) {
                return totals; // frames stopped coming; before the first one, wait up to maxMillis
            }
            Thread.sleep(100);
        }
    }

    /** Sums every event loop's counters, read on the loop's own thread. */
    Totals totals(short stepId) throws Exception {
        Totals totals = new Totals();
        for (var entry : statsByLoop.entrySet()) {
            LoopStats stats = entry.getValue();
            entry.getKey().submit(() -> {
                synchronized (totals) {
                    totals.framesAll += stats.signalFrames;
                    totals.notificationFrames += stats.notificationFrames;
                    totals.otherFrames += stats.otherFrames;
                    totals.closed += stats.closed;
                    totals.pings += stats.pings;
                    totals.outOfOrder += stats.outOfOrder;
                    totals.timestampChecks += stats.timestampChecks;
                    totals.timestampMismatches += stats.timestampMismatches;
                    Histogram histogram = stats.histograms.get(stepId);
                    if (histogram != null) {
                        totals.stepFrames += histogram.count;
                        totals.histogram.add(histogram);
                    }
                    stats.closeCodes.forEach((code, n) -> totals.closeCodes.merge(code, n, Long::sum));
                }
            }).get();
        }
        return totals;
    }

    static final class Totals {
        long framesAll;
        long stepFrames;
        long notificationFrames;
        long otherFrames;
        long pings;
        long closed;
        long outOfOrder;
        long timestampChecks;
        long timestampMismatches;
        final Histogram histogram = new Histogram();
        final Map<Integer, Long> closeCodes = new TreeMap<>();
    }

    final class StepResult {
        int rate;
        long published;
        int clients;
        double offeredPerSecond;
        double deliveredPerSecond;
        double allFramesPerSecond;
        String kafka;
        long received;
        long missing;
        long closed;
        long outOfOrder;
        long notifications;
        long other;
        long pings;
        long timestampChecks;
        long timestampMismatches;
        Map<Integer, Long> closeCodes;
        Histogram latency;
        final Map<String, Double> cpu = new LinkedHashMap<>();
        final Map<String, Double> cpuPerDelivery = new LinkedHashMap<>();
        /** Percent of the process's CPU spent in the kernel (stime of utime + stime); not for kafka+pg. */
        final Map<String, Double> kernelShare = new LinkedHashMap<>();

        boolean saturated() {
            return deliveredPerSecond < 0.9 * offeredPerSecond || missing > 0.01 * published * clients
                    || latency.percentile(99) > 2_000_000;
        }

        String cpuText(String name) {
            Double cores = cpu.get(name);
            if (cores == null) {
                return "–";
            }
            return String.format(Locale.ROOT, "%.2f (%.1f µs, %.0f %% sys)", cores, cpuPerDelivery.get(name),
                    kernelShare.getOrDefault(name, 0.0));
        }

        String row(int connectedClients) {
            String server = cpuText("notification-service");
            String gateway = pids.containsKey("gateway") ? cpuText("gateway") : "–";
            String load = cpuText("load generator");
            String infra = pids.containsKey("kafka+pg") ? String.format(Locale.ROOT, "%.2f", cpu.get("kafka+pg")) : "–";
            String closes = closed == 0 ? "0" : closed + " " + closeCodes;
            return String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | **%,.0f** | %,.0f | %.1f | **%.1f** | %.0f | %s | %,d%s | %s | %s | %s | %s | %s |%n",
                    label, connectedClients, rate, offeredPerSecond, deliveredPerSecond, allFramesPerSecond,
                    latency.percentile(50) / 1000.0, latency.percentile(99) / 1000.0, latency.max() / 1000.0, kafka,
                    missing, missing > 0 ? String.format(Locale.ROOT, " (%.2f%%)", 100.0 * missing / Math.max(1, published * clients)) : "",
                    closes, server, gateway, load, infra);
        }

        String summary(int connectedClients) {
            return String.format(Locale.ROOT,
                    "%s %d clients @ %d/s: offered %.0f/s delivered %.0f/s p50 %.1f ms p99 %.1f ms max %.0f ms kafka %s "
                            + "missing %d closed %d %s outOfOrder %d notifications %d other %d pings answered (total) %d ts-check %d/%d mismatched; cpu %s",
                    label, connectedClients, rate, offeredPerSecond, deliveredPerSecond,
                    latency.percentile(50) / 1000.0, latency.percentile(99) / 1000.0, latency.max() / 1000.0, kafka,
                    missing, closed, closeCodes, outOfOrder, notifications, other, pings, timestampMismatches, timestampChecks, cpu);
        }
    }

    // ---------------------------------------------------------------------------------------------- processes

    /** utime+stime (clock ticks) per monitored process (for kafka+pg: the infra JVM and its postgres children). */
    Map<String, long[]> cpuSnapshot() {
        Map<String, long[]> snapshot = new HashMap<>();
        for (var entry : pids.entrySet()) {
            long ticks = entry.getKey().equals("kafka+pg") ? treeTicks(entry.getValue()) : ticks(entry.getValue());
            if (ticks >= 0) {
                snapshot.put(entry.getKey(), new long[] { ticks, Math.max(0, systemTicks(entry.getValue())) });
            }
        }
        return snapshot;
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is state (field 3): utime is field 14, stime 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** stime alone (field 15): the process's time in the kernel, which on loopback includes the peer's TCP input. */
    static long systemTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]);
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    static long treeTicks(long pid) {
        long total = ticks(pid);
        if (total < 0) {
            return -1;
        }
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            total += Math.max(0, ticks(child.pid()));
        }
        return total;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException ex) {
            // gone
        }
        return -1;
    }

    /** RSS and heap used after a full GC (KB) of each JVM measured for memory per connection. */
    Map<String, long[]> memorySnapshot() {
        Map<String, long[]> snapshot = new LinkedHashMap<>();
        for (var entry : pids.entrySet()) {
            if (entry.getKey().equals("kafka+pg")) {
                continue;
            }
            long heap;
            if (entry.getValue() == ProcessHandle.current().pid()) {
                System.gc();
                heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024;
            }
            else {
                heap = heapAfterGc(entry.getValue());
            }
            snapshot.put(entry.getKey(), new long[] { rssKb(entry.getValue()), heap });
        }
        return snapshot;
    }

    long heapAfterGc(long pid) {
        try {
            run(jcmd, Long.toString(pid), "GC.run");
            String info = run(jcmd, Long.toString(pid), "GC.heap_info");
            var matcher = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            return matcher.find() ? Long.parseLong(matcher.group(2)) : -1;
        }
        catch (IOException | InterruptedException ex) {
            return -1;
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    /**
     * CPU the servers used while the clients connected, per connection: the upgrade request (token check, WebFlux
     * filters, observation, the 101) and the socket's set-up; µs, with the kernel's share. JIT work on the first
     * connections is included, the same for every variant measured with the same client count.
     */
    String connectCpu(int open, Map<String, long[]> before, Map<String, long[]> after) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("notification-service", "gateway")) {
            long[] a = before.get(name);
            long[] b = after.get(name);
            if (a == null || b == null || open == 0) {
                continue;
            }
            long total = b[0] - a[0];
            double micros = total * 10_000.0 / open;
            double kernel = total <= 0 ? 0 : 100.0 * (b[1] - a[1]) / total;
            parts.add(String.format(Locale.ROOT, "%s%.0f µs (%.0f %% sys)",
                    name.equals("gateway") ? "gateway " : "", micros, kernel));
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    String memoryRow(int clients, ConnectResult connected, double seconds, Map<String, long[]> before,
            Map<String, long[]> after, String connectCpu) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f s (%.0f/s) | %s |",
                label, clients, connected.open, seconds, connected.open / seconds, connectCpu));
        for (String name : List.of("notification-service", "gateway", "load generator")) {
            long[] a = before.get(name);
            long[] b = after.get(name);
            if (a == null || b == null) {
                row.append(" – |");
                continue;
            }
            double rss = (b[0] - a[0]) / (double) connected.open;
            double heap = a[1] < 0 || b[1] < 0 ? Double.NaN : (b[1] - a[1]) / (double) connected.open;
            row.append(String.format(Locale.ROOT, " %.1f / %.1f KB (RSS %,d MB) |", rss, heap, b[0] / 1024));
        }
        row.append(' ').append(connected.failures).append(" |\n");
        return row.toString();
    }

    void writeResults(StringBuilder rows, StringBuilder memory) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(rows);
        Files.writeString(out.resolveSibling(out.getFileName() + ".rates"), rows.toString());
        Files.writeString(out.resolveSibling(out.getFileName() + ".memory"), memory.toString());
        log("fragments written to %s.{rates,memory}", out);
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[ws-bench %tT] %s%n", new Date(), String.format(Locale.ROOT, format, args));
    }

    // ---------------------------------------------------------------------------------------------- tokens

    /**
     * Before measuring: the endpoint refuses a missing token (401) and a FREE token (403) before the upgrade, and a
     * VIP client receives a published signal.
     */
    boolean check() throws Exception {
        String free = mintTokens(1, "FREE")[0];
        String vip = mintTokens(1, "VIP")[0];
        ConnectResult none = connect(1, new String[] { "" });
        ConnectResult freeResult = connect(1, new String[] { free });
        ConnectResult vipResult = connect(1, new String[] { vip });
        Thread.sleep(1000);
        publishStep(5, 2, (short) 0);
        // a service just started on a loaded machine may take seconds for its first frame
        Totals totals = drain((short) 0, 1, 30_000);
        disconnectAll();
        boolean ok = none.open == 0 && none.failures.contains("HTTP 401") && freeResult.open == 0
                && freeResult.failures.contains("HTTP 403") && vipResult.open == 1 && totals.stepFrames == 10;
        log("check %s: no token -> %s; FREE -> %s; VIP -> %d open, %d of 10 signals received (p50 %.1f ms)",
                ok ? "passed" : "FAILED", none.failures, freeResult.failures, vipResult.open, totals.stepFrames,
                totals.histogram.percentile(50) / 1000.0);
        Files.writeString(Path.of(opt("seq-file", "last-seq")), Long.toString(nextSeq));
        producer.close(Duration.ofSeconds(5));
        return ok;
    }

    String[] mintTokens(int count, String tier) throws Exception {
        String pem = Files.readString(Path.of(opt("key-file", "signing-key.pem")));
        String kid = Files.readString(Path.of(opt("kid-file", "signing-key.kid"))).trim();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        Instant issued = Instant.now().minusSeconds(5);
        long start = System.nanoTime();
        String[] tokens = new String[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            UUID user = UUID.nameUUIDFromBytes(("bench-" + tier + "-" + i).getBytes(StandardCharsets.UTF_8));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    new JWTClaimsSet.Builder().subject(user.toString()).issuer("cryptotracker")
                            .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(issued))
                            .expirationTime(Date.from(issued.plus(Duration.ofHours(3))))
                            .claim("email", "vip" + i + "@bench.example").claim("tier", tier)
                            .claim("roles", List.of("USER")).build());
            try {
                jwt.sign(new RSASSASigner(key));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
            tokens[i] = jwt.serialize();
        });
        log("minted %d %s tokens in %.1f s", count, tier, (System.nanoTime() - start) / 1e9);
        return tokens;
    }

    // ---------------------------------------------------------------------------------------------- client side

    static final AttributeKey<String> TOKEN = AttributeKey.valueOf("bench.token");
    static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("bench.connection");

    static final class Connection {
        volatile Channel channel;
        final java.util.concurrent.CompletableFuture<Void> handshake = new java.util.concurrent.CompletableFuture<>();
        long lastSeq = -1;
        volatile boolean closed;
        /** Closed by the benchmark itself at the end of a client count: not counted as a server close. */
        volatile boolean closing;
    }

    final class Connections {
        private final List<Connection> list = new ArrayList<>();

        synchronized void add(Connection connection) {
            list.add(connection);
        }

        synchronized int openCount() {
            int n = 0;
            for (Connection connection : list) {
                if (!connection.closed) {
                    n++;
                }
            }
            return n;
        }

        synchronized List<Connection> drain() {
            List<Connection> all = new ArrayList<>(list);
            list.clear();
            return all;
        }
    }

    /** Counters of one event loop, touched only on its thread. */
    static final class LoopStats {
        long signalFrames;
        long notificationFrames;
        long otherFrames;
        long closed;
        long outOfOrder;
        long timestampChecks;
        long timestampMismatches;
        long pings;
        final Map<Short, Histogram> histograms = new HashMap<>();
        final Map<Integer, Long> closeCodes = new HashMap<>();
        Histogram current;
        short currentStep = -1;
    }

    static final boolean RAW = !Boolean.getBoolean("bench.netty-decoder");
    static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    static final byte[] UPDATED_AT = "\"updated_at\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NOTIFICATION = "\"notification\"".getBytes(StandardCharsets.US_ASCII);

    /** Where {@code "seq":} starts in [from, end): 'q' is rare in the frames (UUIDs are hex), so find it fast. */
    static int indexOfSeq(ByteBuf buffer, int from, int end) {
        int at = from + 3;
        while (at < end - 2) {
            int q = buffer.indexOf(at, end, (byte) 'q');
            if (q < 0) {
                return -1;
            }
            if (buffer.getByte(q - 1) == 'e' && buffer.getByte(q - 2) == 's' && buffer.getByte(q - 3) == '"'
                    && buffer.getByte(q + 1) == '"' && buffer.getByte(q + 2) == ':') {
                return q - 3;
            }
            at = q + 1;
        }
        return -1;
    }

    static int indexOf(ByteBuf buffer, byte[] needle, int from, int limit) {
        int end = limit - needle.length;
        outer:
        for (int i = from; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What a client does with one text frame's payload, in [start, end) of {@code buffer}. */
    static void onText(LoopStats stats, Connection connection, ByteBuf buffer, int start, int end, long now) {
        int at = indexOfSeq(buffer, start, end);
        if (at < 0) {
            if (indexOf(buffer, NOTIFICATION, start, end) >= 0) {
                stats.notificationFrames++;
            }
            else {
                stats.otherFrames++;
            }
            return;
        }
        long seq = 0;
        for (int i = at + SEQ.length; i < end; i++) {
            byte b = buffer.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            seq = seq * 10 + (b - '0');
        }
        long index = seq - firstSeq;
        if (index < 0 || index >= MAX_SIGNALS) {
            stats.otherFrames++;
            return;
        }
        stats.signalFrames++;
        long published = PUBLISHED_MICROS[(int) index];
        short stepId = STEP_OF[(int) index];
        Histogram histogram = stats.current;
        if (stats.currentStep != stepId || histogram == null) {
            histogram = stats.histograms.computeIfAbsent(stepId, k -> new Histogram());
            stats.current = histogram;
            stats.currentStep = stepId;
        }
        histogram.record(now - published);
        if (seq <= connection.lastSeq) {
            stats.outOfOrder++;
        }
        connection.lastSeq = seq;
        if (stats.signalFrames % 1000 == 0) {
            checkTimestamp(stats, buffer, start, end, published);
        }
    }

    static void checkTimestamp(LoopStats stats, ByteBuf buffer, int from, int limit, long published) {
        int at = indexOf(buffer, UPDATED_AT, from, limit);
        stats.timestampChecks++;
        if (at < 0) {
            stats.timestampMismatches++;
            return;
        }
        int start = at + UPDATED_AT.length;
        int end = start;
        while (end < limit && buffer.getByte(end) != '"') {
            end++;
        }
        try {
            Instant updated = Instant.parse(buffer.toString(start, end - start, StandardCharsets.US_ASCII));
            long micros = updated.getEpochSecond() * 1_000_000L + updated.getNano() / 1000;
            if (Math.abs(micros - published) > 1000) {
                stats.timestampMismatches++;
            }
        }
        catch (RuntimeException ex) {
            stats.timestampMismatches++;
        }
    }

    static void onClose(LoopStats stats, Connection connection, ChannelHandlerContext ctx, int code) {
        if (!connection.closing) {
            stats.closeCodes.merge(code, 1L, Long::sum);
            stats.closed++;
        }
        connection.closing = true;
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(code, null))
                .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    /**
     * After the upgrade, reads the server's frames straight from the socket's bytes (placed before Netty's
     * WebSocket decoder, which then sees nothing): no frame objects, no pipeline hops; pings are answered through
     * Netty's encoder. A frame split across reads is kept until complete.
     */
    static final class RawFrameReader extends io.netty.channel.ChannelInboundHandlerAdapter {

        private final LoopStats stats;
        private final Connection connection;
        private ByteBuf partial;

        RawFrameReader(LoopStats stats, Connection connection) {
            this.stats = stats;
            this.connection = connection;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf in)) {
                ctx.fireChannelRead(msg);
                return;
            }
            long now = nowMicros();
            ByteBuf buffer = in;
            if (partial != null) {
                partial.writeBytes(in);
                in.release();
                buffer = partial;
            }
            int read = buffer.readerIndex();
            int end = buffer.writerIndex();
            while (end - read >= 2) {
                int b0 = buffer.getUnsignedByte(read);
                int b1 = buffer.getUnsignedByte(read + 1);
                int header = 2;
                long length = b1 & 0x7F;
                if (length == 126) {
                    if (end - read < 4) {
                        break;
                    }
                    length = buffer.getUnsignedShort(read + 2);
                    header = 4;
                }
                else if (length == 127) {
                    if (end - read < 10) {
                        break;
                    }
                    length = buffer.getLong(read + 2);
                    header = 10;
                }
                if ((b1 & 0x80) != 0) {
                    header += 4; // a masked server frame is a protocol error; skip the key, count it as other
                }
                if (end - read < header + length) {
                    break;
                }
                int start = read + header;
                int stop = (int) (start + length);
                switch (b0 & 0x0F) {
                    case 0x1 -> onText(stats, connection, buffer, start, stop, now);
                    case 0x9 -> pong(ctx, buffer, start, stop);
                    case 0x8 -> onClose(stats, connection, ctx, length >= 2 ? buffer.getUnsignedShort(start) : 1005);
                    case 0xA -> { }
                    default -> stats.otherFrames++;
                }
                read = stop;
            }
            if (read == end) {
                buffer.release();
                partial = null;
            }
            else if (buffer == partial) {
                partial.readerIndex(read);
                partial.discardReadBytes();
            }
            else {
                partial = ctx.alloc().heapBuffer(Math.max(4096, (end - read) * 2));
                partial.writeBytes(buffer, read, end - read);
                buffer.release();
            }
        }

        /** Through the whole pipeline, so Netty's encoder masks it: this handler sits before the encoder. */
        private void pong(ChannelHandlerContext ctx, ByteBuf buffer, int start, int stop) {
            stats.pings++;
            ctx.channel().writeAndFlush(new io.netty.handler.codec.http.websocketx.PongWebSocketFrame(
                    buffer.retainedSlice(start, stop - start)), ctx.channel().voidPromise());
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (partial != null) {
                partial.release();
                partial = null;
            }
        }
    }

    static final class ClientHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final LoopStats stats;

        ClientHandler(LoopStats stats) {
            this.stats = stats;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                Connection connection = ctx.channel().attr(CONNECTION).get();
                if (RAW && ctx.pipeline().get("ws-decoder") != null) {
                    ctx.pipeline().addBefore("ws-decoder", "raw-frames", new RawFrameReader(stats, connection));
                }
                connection.handshake.complete(null);
            }
            else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ctx.channel().attr(CONNECTION).get().handshake
                        .completeExceptionally(new IllegalStateException("handshake timeout"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            // only frames Netty's decoder had already taken before the raw reader was in place
            Connection connection = ctx.channel().attr(CONNECTION).get();
            if (frame instanceof TextWebSocketFrame) {
                ByteBuf content = frame.content();
                onText(stats, connection, content, content.readerIndex(), content.writerIndex(), nowMicros());
            }
            else if (frame instanceof CloseWebSocketFrame close) {
                onClose(stats, connection, ctx, close.statusCode());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Connection connection = ctx.channel().attr(CONNECTION).get();
            if (connection != null) {
                if (!connection.handshake.isDone()) {
                    connection.handshake.completeExceptionally(new IllegalStateException("closed before upgrade"));
                }
                else if (!connection.closed && !connection.closing) {
                    // the TCP connection ended without a close frame
                    stats.closeCodes.merge(-1, 1L, Long::sum);
                    stats.closed++;
                }
                connection.closed = true;
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Connection connection = ctx.channel().attr(CONNECTION).get();
            if (connection != null && !connection.handshake.isDone()) {
                connection.handshake.completeExceptionally(cause);
            }
            ctx.close();
        }
    }

    /** Log-linear histogram of microseconds: 64 sub-buckets per power of two (about 1.6 % precision). */
    static final class Histogram {
        final long[] counts = new long[64 * 40];
        long count;
        long max;

        static int bucket(long value) {
            if (value < 64) {
                return (int) Math.max(0, value);
            }
            int exponent = 63 - Long.numberOfLeadingZeros(value);
            int mantissa = (int) (value >>> (exponent - 6)) & 63;
            return (exponent - 5) * 64 + mantissa;
        }

        static long lowerBound(int bucket) {
            if (bucket < 64) {
                return bucket;
            }
            int exponent = bucket / 64 + 5;
            long mantissa = bucket % 64;
            return (64 + mantissa) << (exponent - 6);
        }

        void record(long micros) {
            counts[Math.min(counts.length - 1, bucket(micros))]++;
            count++;
            max = Math.max(max, micros);
        }

        void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            count += other.count;
            max = Math.max(max, other.max);
        }

        long percentile(double p) {
            if (count == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(count * p / 100.0);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Math.min(max, lowerBound(i + 1));
                }
            }
            return max;
        }

        long max() {
            return max;
        }
    }
}
