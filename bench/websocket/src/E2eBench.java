import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.AttributeKey;

/**
 * End to end (issue 17, point 4): a Telegram channel post into signals-service's webhook, through the gateway, to the
 * {@code signal} frame on N VIP sockets, also through the gateway. Every post is a Spread Alert (SPEC Appendix B) for
 * a coin of its own ({@code E} + four letters), so the client finds the post by the frame's {@code data.symbol}.
 * Latency = the client's receipt time minus the time the webhook request was sent (one JVM, one monotonic clock).
 * Posts go open loop at a fixed rate from one thread (a slow answer does not move the schedule).
 *
 * <p>Options: --gateway http://127.0.0.1:PORT, --clients 1000, --posts 3000, --warmup-posts 200, --rate 10 (posts/s),
 * --secret S, --key-file, --kid-file, --threads 2, --out file (a markdown fragment).
 */
public final class E2eBench {

    static final Map<String, String> OPTIONS = new HashMap<>();
    static final AttributeKey<String> TOKEN = AttributeKey.valueOf("e2e.token");
    static final AttributeKey<CompletableFuture<Void>> HANDSHAKE = AttributeKey.valueOf("e2e.handshake");
    static final byte[] SYMBOL_KEY = "\"symbol\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CREATED = "\"event\":\"created\"".getBytes(StandardCharsets.US_ASCII);

    static String opt(String name, String fallback) {
        return OPTIONS.getOrDefault(name, fallback);
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[e2e %tT] %s%n", new Date(), String.format(Locale.ROOT, format, args));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("io.netty.leakDetection.level", "disabled");
        for (int i = 0; i + 1 < args.length; i += 2) {
            OPTIONS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new E2eBench().run();
    }

    final URI gateway = URI.create(opt("gateway", "http://127.0.0.1:8080"));
    final int clients = Integer.parseInt(opt("clients", "1000"));
    final int posts = Integer.parseInt(opt("posts", "3000"));
    final int warmupPosts = Integer.parseInt(opt("warmup-posts", "200"));
    final double rate = Double.parseDouble(opt("rate", "10"));
    final String secret = opt("secret", "bench-secret");
    final int threads = Integer.parseInt(opt("threads", "2"));
    final long runId = System.currentTimeMillis() / 1000;
    /** Send time (nanoTime) per post index; 0 until sent. */
    final AtomicLongArray sentAt;
    /** The webhook's answer time per post index, µs; -1 for a failed answer (the timeline). */
    final AtomicLongArray answerMicros;
    /** Wall clock (epoch ms) and nanoTime at the same moment, to put the timeline on the servers' log clock. */
    final long epochMillisAtStart = System.currentTimeMillis();
    final long nanosAtStart = System.nanoTime();
    /** Receipts per post index (all clients). */
    final AtomicLongArray receipts;
    final Map<Thread, WsBench.Histogram> histograms = new ConcurrentHashMap<>();
    /** One permit per receipt of a measured (not warm-up) post: the drain waits on it. */
    final Semaphore measuredReceipts = new Semaphore(0);
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong notificationFrames = new AtomicLong();
    final AtomicInteger closedByServer = new AtomicInteger();

    E2eBench() {
        int total = warmupPosts + posts;
        sentAt = new AtomicLongArray(total);
        receipts = new AtomicLongArray(total);
        answerMicros = new AtomicLongArray(total);
    }

    /** A coin per post: E + four letters (letters only, as every spelling of a base reads the same). */
    static String coin(int index) {
        char[] letters = new char[4];
        int n = index;
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return "E" + new String(letters);
    }

    static int indexOf(String coin) {
        if (coin.length() != 5 || coin.charAt(0) != 'E') {
            return -1;
        }
        int n = 0;
        for (int i = 1; i < 5; i++) {
            char c = coin.charAt(i);
            if (c < 'A' || c > 'Z') {
                return -1;
            }
            n = n * 26 + (c - 'A');
        }
        return n;
    }

    void run() throws Exception {
        String[] tokens = mintTokens(clients);
        EventLoopGroup group = Epoll.isAvailable() ? new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory())
                : new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        Class<? extends SocketChannel> channelType = Epoll.isAvailable() ? EpollSocketChannel.class
                : NioSocketChannel.class;
        List<Channel> channels = connect(group, channelType, tokens);
        log("connected %d of %d VIP sockets through the gateway", channels.size(), clients);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        WsBench.Histogram webhook = new WsBench.Histogram();
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        log("warm-up: %d posts at %.1f/s, then %d measured posts", warmupPosts, rate, posts);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long measuredFrom = 0;
        for (int i = 0; i < warmupPosts + posts; i++) {
            if (i == warmupPosts) {
                log("warm-up sent; measuring");
                measuredFrom = System.nanoTime();
            }
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000));
            }
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/telegram/webhook"))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", secret)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(update(i))).build();
            int index = i;
            long sent = System.nanoTime();
            sentAt.set(index, sent);
            boolean measured = i >= warmupPosts;
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                long micros = (System.nanoTime() - sent) / 1000;
                String status = error != null ? error.getClass().getSimpleName() : Integer.toString(response.statusCode());
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                answerMicros.set(index, error != null || response.statusCode() != 200 ? -1 : micros);
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                else if (measured) {
                    synchronized (webhook) {
                        webhook.record(micros);
                    }
                }
                return null;
            }));
        }
        double sendSeconds = (System.nanoTime() - measuredFrom) / 1e9;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        // drain: until every measured post reached every socket, or nothing new for 10 s
        long expected = (long) posts * channels.size();
        long got = 0;
        while (got < expected) {
            int arrived = measuredReceipts.drainPermits();
            if (arrived == 0 && measuredReceipts.tryAcquire(10, TimeUnit.SECONDS)) {
                arrived = 1;
            }
            if (arrived == 0) {
                break; // nothing new for 10 s
            }
            got += arrived;
        }
        WsBench.Histogram all = new WsBench.Histogram();
        histograms.values().forEach(all::add);
        WsBench.Histogram firstClient = new WsBench.Histogram();
        synchronized (firstReceipt) {
            firstReceipt.forEach((index, micros) -> {
                if (index >= warmupPosts) {
                    firstClient.record(micros);
                }
            });
        }
        long received = 0;
        int complete = 0;
        for (int i = warmupPosts; i < warmupPosts + posts; i++) {
            received += receipts.get(i);
            if (receipts.get(i) >= channels.size()) {
                complete++;
            }
        }
        String row = String.format(Locale.ROOT,
                "| %,d | %,d | %.1f | %,d | %.1f | **%.1f** | **%.1f** | %.1f | %.1f / %.1f | %.1f / %.1f | %,d | %d | %s |%n",
                channels.size(), posts, posts / sendSeconds, received, 100.0 * received / Math.max(1, expected),
                all.percentile(50) / 1000.0, all.percentile(99) / 1000.0, all.max() / 1000.0,
                firstClient.percentile(50) / 1000.0, firstClient.percentile(99) / 1000.0,
                webhook.percentile(50) / 1000.0, webhook.percentile(99) / 1000.0, complete, closedByServer.get(),
                statuses);
        log("%d clients, %d posts at %.1f/s: received %d of %d frames; latency p50 %.1f ms p99 %.1f ms max %.1f ms; "
                + "first client p50 %.1f p99 %.1f; webhook answer p50 %.1f p99 %.1f ms; posts on every socket %d; "
                + "other frames (not a created signal of a post: updates, closes) %d; notification frames %d; webhook answers %s", channels.size(), posts,
                posts / sendSeconds, received, expected, all.percentile(50) / 1000.0, all.percentile(99) / 1000.0,
                all.max() / 1000.0, firstClient.percentile(50) / 1000.0, firstClient.percentile(99) / 1000.0,
                webhook.percentile(50) / 1000.0, webhook.percentile(99) / 1000.0, complete, unknown.get(),
                notificationFrames.get(), statuses);
        Files.writeString(Path.of(opt("out", "e2e.row")), row);
        writeTimeline(Path.of(opt("out", "e2e.row")).toAbsolutePath().resolveSibling("e2e-timeline.csv"));
        for (Channel channel : channels) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench done"));
        }
        long closeBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Channel channel : channels) {
            channel.closeFuture().await(Math.max(0, closeBy - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        System.exit(failed.get() > posts / 100 ? 1 : 0);
    }

    /**
     * One line per post, for lining the answers up with the servers' logs (not part of the result): the time the
     * webhook request was sent (UTC, ms), the webhook's answer and the first socket's receipt (ms after sending).
     */
    void writeTimeline(Path file) throws java.io.IOException {
        StringBuilder lines = new StringBuilder("post,measured,sent_utc,webhook_ms,first_client_ms\n");
        synchronized (firstReceipt) {
            for (int i = 0; i < sentAt.length(); i++) {
                if (sentAt.get(i) == 0) {
                    continue;
                }
                Long first = firstReceipt.get(i);
                long sentMillis = epochMillisAtStart + (sentAt.get(i) - nanosAtStart) / 1_000_000;
                lines.append(String.format(Locale.ROOT, "%d,%b,%s,%.1f,%s%n", i, i >= warmupPosts,
                        Instant.ofEpochMilli(sentMillis), answerMicros.get(i) / 1000.0,
                        first == null ? "" : String.format(Locale.ROOT, "%.1f", first / 1000.0)));
            }
        }
        Files.writeString(file, lines);
        log("timeline written to %s", file);
    }

    /** The first socket's receipt per post (what one client sees, no fan-out wait). */
    final Map<Integer, Long> firstReceipt = new HashMap<>();

    String update(int index) {
        long now = Instant.now().getEpochSecond();
        String text = "🔔 Spread Alert for " + coin(index) + "USDT:\nSpot: 0.1234\nFutures: 0.1301\n💥 Spread: 5.43%";
        return "{\"update_id\":" + (runId * 100_000 + index) + ",\"channel_post\":{\"message_id\":" + (index + 1)
                + ",\"chat\":{\"id\":-100" + runId + ",\"title\":\"E2E bench\",\"type\":\"channel\"},\"date\":" + now
                + ",\"text\":\"" + text.replace("\n", "\\n") + "\"}}";
    }

    void onText(ByteBuf content) {
        long now = System.nanoTime();
        int from = content.readerIndex();
        int to = content.writerIndex();
        // {"type":"signal",...} only; notification frames are counted
        if (indexOf(content, "\"type\":\"notification\"".getBytes(StandardCharsets.US_ASCII), from, Math.min(to, from + 40)) >= 0) {
            notificationFrames.incrementAndGet();
            return;
        }
        if (indexOf(content, CREATED, from, to) < 0) {
            unknown.incrementAndGet();
            return;
        }
        int at = indexOf(content, SYMBOL_KEY, from, to);
        if (at < 0) {
            unknown.incrementAndGet();
            return;
        }
        int start = at + SYMBOL_KEY.length;
        int slash = start;
        while (slash < to && content.getByte(slash) != '/' && content.getByte(slash) != '"') {
            slash++;
        }
        int index = indexOf(content.toString(start, slash - start, StandardCharsets.US_ASCII));
        if (index < 0 || index >= sentAt.length() || sentAt.get(index) == 0) {
            unknown.incrementAndGet();
            return;
        }
        long micros = (now - sentAt.get(index)) / 1000;
        if (receipts.getAndIncrement(index) == 0) {
            synchronized (firstReceipt) {
                firstReceipt.put(index, micros);
            }
        }
        if (index >= warmupPosts) {
            measuredReceipts.release();
            histograms.computeIfAbsent(Thread.currentThread(), t -> new WsBench.Histogram()).record(micros);
        }
    }

    static int indexOf(ByteBuf buf, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    List<Channel> connect(EventLoopGroup group, Class<? extends SocketChannel> channelType, String[] tokens)
            throws InterruptedException {
        URI ws = URI.create(gateway.toString().replaceFirst("^http", "ws") + "/ws/signals");
        Semaphore permits = new Semaphore(100);
        CountDownLatch done = new CountDownLatch(tokens.length);
        List<Channel> open = new ArrayList<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(channelType).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        DefaultHttpHeaders headers = new DefaultHttpHeaders();
                        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + channel.attr(TOKEN).get());
                        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                                .webSocketUri(ws).version(WebSocketVersion.V13).customHeaders(headers)
                                .maxFramePayloadLength(1 << 20).handshakeTimeoutMillis(60_000).dropPongFrames(true)
                                .handleCloseFrames(false).withUTF8Validator(false).build();
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(config), new Handler());
                    }
                });
        for (String token : tokens) {
            permits.acquire();
            CompletableFuture<Void> handshake = new CompletableFuture<>();
            var future = bootstrap.clone().attr(TOKEN, token).attr(HANDSHAKE, handshake).connect(ws.getHost(),
                    ws.getPort());
            Channel channel = future.channel();
            future.addListener(f -> {
                if (!f.isSuccess()) {
                    handshake.completeExceptionally(f.cause());
                }
            });
            handshake.whenComplete((ok, error) -> {
                if (error == null) {
                    synchronized (open) {
                        open.add(channel);
                    }
                }
                else {
                    failures.computeIfAbsent(error.toString(), k -> new AtomicInteger()).incrementAndGet();
                    channel.close();
                }
                permits.release();
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        if (!failures.isEmpty()) {
            log("connect failures: %s", failures);
        }
        return open;
    }

    final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.channel().attr(HANDSHAKE).get().complete(null);
            }
            else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ctx.channel().attr(HANDSHAKE).get().completeExceptionally(new IllegalStateException("timeout"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame) {
                onText(frame.content());
            }
            else if (frame instanceof CloseWebSocketFrame) {
                closedByServer.incrementAndGet();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            CompletableFuture<Void> handshake = ctx.channel().attr(HANDSHAKE).get();
            if (handshake != null && !handshake.isDone()) {
                handshake.completeExceptionally(cause);
            }
            ctx.close();
        }
    }

    String[] mintTokens(int count) throws Exception {
        String pem = Files.readString(Path.of(opt("key-file", "signing-key.pem")));
        String kid = Files.readString(Path.of(opt("kid-file", "signing-key.kid"))).trim();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        Instant issued = Instant.now().minusSeconds(5);
        String[] tokens = new String[count];
        for (int i = 0; i < count; i++) {
            UUID user = UUID.nameUUIDFromBytes(("e2e-VIP-" + i).getBytes(StandardCharsets.UTF_8));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    new JWTClaimsSet.Builder().subject(user.toString()).issuer("cryptotracker")
                            .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(issued))
                            .expirationTime(Date.from(issued.plus(Duration.ofHours(3))))
                            .claim("email", "e2e" + i + "@bench.example").claim("tier", "VIP")
                            .claim("roles", List.of("USER")).build());
            jwt.sign(new RSASSASigner(key));
            tokens[i] = jwt.serialize();
        }
        return tokens;
    }
}
