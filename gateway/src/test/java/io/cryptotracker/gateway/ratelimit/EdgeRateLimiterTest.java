package io.cryptotracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cryptotracker.gateway.support.MutableClock;
import io.cryptotracker.gateway.support.TestRedis;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The limiter on a real Redis, without the gateway around it: two limiters stand for two gateway instances sharing
 * Redis, and the Redis server is stopped and started again.
 */
class EdgeRateLimiterTest {

    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    private static final Quota FOUR_AT_ONCE_ONE_PER_SECOND = new Quota(60, 4);
    /** A burst of 100: one Redis call takes five tokens (5 %), one for the request and four leased. */
    private static final Quota HUNDRED_ONE_PER_MINUTE = new Quota(1, 100);
    private static final Duration LEASE = Duration.ofSeconds(1);

    private static TestRedis redis;
    private static ClientResources resources;
    private static LettuceConnectionFactory connections;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private double fallbacksBefore;

    @BeforeAll
    static void startRedis() {
        redis = new TestRedis();
        resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(100))).build();
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(250))
                .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .clientResources(resources)
                .build();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()), client);
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterAll
    static void stopRedis() {
        connections.destroy();
        resources.shutdown();
        redis.stop();
    }

    @Test
    void aFullBucketLetsTheBurstThroughThenRefillsAtTheLimitRate() {
        EdgeRateLimiter limiter = limiter();
        String key = "rl:test:burst";

        assertThat(List.of(take(limiter, key), take(limiter, key), take(limiter, key), take(limiter, key)))
                .extracting(BucketAnswer::remaining).containsExactly(3L, 2L, 1L, 0L);
        BucketAnswer refused = take(limiter, key);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitMillis()).isEqualTo(1000);

        clock.advance(Duration.ofMillis(999));
        assertThat(take(limiter, key).allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(take(limiter, key)).isEqualTo(new BucketAnswer(true, 0, 0));

        clock.advance(Duration.ofMinutes(1));
        assertThat(take(limiter, key).remaining()).as("never more than the burst").isEqualTo(3);
        assertThat(limiter.usingRedis()).isTrue();
        assertThat(fallbacks()).isZero();
    }

    @Test
    void oneCallersEmptyBucketLeavesAnothersFull() {
        EdgeRateLimiter limiter = limiter();
        for (int i = 0; i < 4; i++) {
            take(limiter, "rl:test:user:alice");
        }
        assertThat(take(limiter, "rl:test:user:alice").allowed()).isFalse();

        assertThat(take(limiter, "rl:test:user:bob")).isEqualTo(new BucketAnswer(true, 3, 0));
    }

    @Test
    void twoGatewayInstancesDrawFromTheSameBucket() {
        EdgeRateLimiter first = limiter();
        EdgeRateLimiter second = limiter();
        String key = "rl:test:shared";

        take(first, key);
        take(second, key);
        take(first, key);
        assertThat(take(second, key)).isEqualTo(new BucketAnswer(true, 0, 0));

        assertThat(take(first, key).allowed()).isFalse();
        assertThat(take(second, key).allowed()).isFalse();
    }

    @Test
    void aLeaseServesTheCallersNextRequestsWithoutRedisAndItsTokensAreGoneFromTheSharedBucket() {
        EdgeRateLimiter first = limiter();
        EdgeRateLimiter second = limiter();
        String key = "rl:test:lease";

        assertThat(take(first, key, HUNDRED_ONE_PER_MINUTE)).as("95 shared + 4 leased").isEqualTo(answer(99));
        assertThat(take(second, key, HUNDRED_ONE_PER_MINUTE)).as("90 shared + 4 leased").isEqualTo(answer(94));
        assertThat(List.of(take(first, key, HUNDRED_ONE_PER_MINUTE), take(first, key, HUNDRED_ONE_PER_MINUTE),
                take(first, key, HUNDRED_ONE_PER_MINUTE), take(first, key, HUNDRED_ONE_PER_MINUTE)))
                .extracting(BucketAnswer::remaining).as("the first instance's view: shared as it left it")
                .containsExactly(98L, 97L, 96L, 95L);
        assertThat(leasedDecisions()).isEqualTo(4);
        assertThat(sharedTokens(key)).isEqualTo(90);
    }

    @Test
    void tokensLeasedToOneInstanceAreRefusedAtTheOtherAndNeverAddUpToMoreThanTheBurst() {
        EdgeRateLimiter first = limiter();
        EdgeRateLimiter second = limiter();
        String key = "rl:test:lease-bound";

        assertThat(take(first, key, HUNDRED_ONE_PER_MINUTE).allowed()).isTrue();
        int allowedAtSecond = takeUntilRefused(second, key);
        int allowedAtFirst = takeUntilRefused(first, key);

        assertThat(allowedAtSecond).as("refused early by the four the first instance holds").isEqualTo(95);
        assertThat(allowedAtFirst).isEqualTo(4);
        assertThat(1 + allowedAtSecond + allowedAtFirst).isEqualTo(100);
    }

    @Test
    void unusedLeasedTokensGoBackToTheSharedBucketWithTheInstancesNextCallAfterTheLeaseExpires() {
        EdgeRateLimiter first = limiter();
        EdgeRateLimiter second = limiter();
        String key = "rl:test:give-back";
        take(first, key, HUNDRED_ONE_PER_MINUTE);
        assertThat(sharedTokens(key)).isEqualTo(95);

        clock.advance(LEASE);
        assertThat(take(first, key, HUNDRED_ONE_PER_MINUTE)).as("4 back, 5 taken: 94 shared + 4 leased")
                .isEqualTo(answer(98));
        assertThat(sharedTokens(key)).isEqualTo(94);

        int total = 2 + takeUntilRefused(second, key) + takeUntilRefused(first, key);
        assertThat(total).as("every token of the burst used, none lost to the expired lease").isEqualTo(100);
    }

    @Test
    void aRefusalIsRememberedWithoutAskingRedisForAtMostTheLeaseDuration() {
        EdgeRateLimiter limiter = limiter();
        String key = "rl:test:refused";
        assertThat(takeUntilRefused(limiter, key)).isEqualTo(100);
        BucketAnswer refused = take(limiter, key, HUNDRED_ONE_PER_MINUTE);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitMillis()).isEqualTo(60_000);
        double leasedBefore = leasedDecisions();

        // the bucket fills again behind this instance's back (it expired, or the other instances gave tokens back)
        template().delete(key).block(Duration.ofSeconds(5));
        clock.advance(LEASE.minusMillis(1));
        BucketAnswer remembered = take(limiter, key, HUNDRED_ONE_PER_MINUTE);
        assertThat(remembered.allowed()).isFalse();
        assertThat(remembered.waitMillis()).as("still counted to the token Redis said was due").isEqualTo(59_001);
        assertThat(leasedDecisions()).isEqualTo(leasedBefore + 1);

        clock.advance(Duration.ofMillis(1));
        assertThat(take(limiter, key, HUNDRED_ONE_PER_MINUTE)).isEqualTo(answer(99));
    }

    @Test
    void aRequestCancelledWhileItsLeaseWasAskedForDoesNotStopTheCallersLaterLeases() {
        EdgeRateLimiter limiter = limiter();
        String key = "rl:test:cancelled";

        // the client goes away before Redis answers the lease-sized call
        limiter.take(key, HUNDRED_ONE_PER_MINUTE).subscribe().dispose();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            double leasedBefore = leasedDecisions();
            take(limiter, key, HUNDRED_ONE_PER_MINUTE);
            take(limiter, key, HUNDRED_ONE_PER_MINUTE);
            assertThat(leasedDecisions()).as("the second request came from a new lease").isGreaterThan(leasedBefore);
        });
    }

    @Test
    void concurrentRequestsOnOneInstanceNeverGetMoreThanTheBurstAndLoseNothingOnceLeasesExpire() throws Exception {
        EdgeRateLimiter limiter = limiter();
        String key = "rl:test:concurrent";
        Quota quota = new Quota(1, 200);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                counts.add(callers.submit(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 50; i++) {
                        if (limiter.take(key, quota).block(Duration.ofSeconds(5)).allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                }));
            }
            int allowed = 0;
            for (Future<Integer> count : counts) {
                allowed += count.get();
            }
            assertThat(allowed).as("400 asked, the burst is 200").isLessThanOrEqualTo(200);

            clock.advance(LEASE);
            int afterExpiry = 0;
            while (limiter.take(key, quota).block(Duration.ofSeconds(5)).allowed()) {
                afterExpiry++;
            }
            assertThat(allowed + afterExpiry).isEqualTo(200);
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void withRedisStoppedRequestsAreDecidedInMemoryAndSharedAgainOnceItIsBack() {
        EdgeRateLimiter first = limiter();
        EdgeRateLimiter second = limiter();
        take(first, "rl:test:warm-up");
        take(second, "rl:test:warm-up");

        redis.stop();
        try {
            // each instance now has its own bucket: four from each, and a refusal from the local bucket
            for (int i = 0; i < 4; i++) {
                assertThat(take(first, "rl:test:outage").allowed()).isTrue();
                assertThat(take(second, "rl:test:outage").allowed()).isTrue();
            }
            assertThat(take(first, "rl:test:outage").allowed()).isFalse();
            assertThat(first.usingRedis()).isFalse();
            assertThat(fallbacks()).isEqualTo(9);

            // within the retry interval Redis is not asked at all, however fast it would fail
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                take(first, "rl:test:outage-" + i);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(fallbacks()).isEqualTo(109);
        }
        finally {
            redis.start();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            clock.advance(RETRY_INTERVAL);
            take(first, "rl:test:probe");
            take(second, "rl:test:probe");
            assertThat(first.usingRedis()).isTrue();
            assertThat(second.usingRedis()).isTrue();
        });

        String key = "rl:test:after-outage";
        take(first, key);
        take(first, key);
        take(second, key);
        take(second, key);
        assertThat(take(first, key).allowed()).as("shared again: the other instance used half").isFalse();
    }

    @Test
    void aRedisAnswerContinuesOnTheRequestsOwnEventLoopNotOnLettucesThread() throws Exception {
        EdgeRateLimiter limiter = limiter();
        take(limiter, "rl:test:warm-up");
        ExecutorService requestLoop = Executors.newSingleThreadExecutor(task -> new Thread(task, "request-loop"));
        try {
            String thread = limiter.take("rl:test:thread", FOUR_AT_ONCE_ONE_PER_SECOND, requestLoop)
                    .map(answer -> Thread.currentThread().getName())
                    .block(Duration.ofSeconds(5));

            assertThat(limiter.usingRedis()).isTrue();
            assertThat(thread).isEqualTo("request-loop");
        }
        finally {
            requestLoop.shutdownNow();
        }
    }

    @Test
    void aProbeWhoseConnectionDoesNotOpenIsDecidedInMemoryWithinTheRedisTimeout() throws Exception {
        // a "Redis" that accepts connections and never answers: Lettuce's connection set-up (its HELLO) waits on the
        // subscribing thread, as a name lookup that gets no answer does; the limiter's 200 ms must still hold
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    }
                    catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-redis");
            acceptor.setDaemon(true);
            acceptor.start();
            LettuceConnectionFactory silentConnections = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", silent.getLocalPort()),
                    LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(3)).build());
            silentConnections.afterPropertiesSet();
            silentConnections.start();
            try {
                EdgeRateLimiter limiter = new EdgeRateLimiter(
                        new RedisTokenBuckets(new ReactiveStringRedisTemplate(silentConnections)), properties(), clock,
                        meters);
                long started = System.nanoTime();

                BucketAnswer answer = limiter.take("rl:test:silent", FOUR_AT_ONCE_ONE_PER_SECOND)
                        .block(Duration.ofSeconds(5));

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(answer).isEqualTo(new BucketAnswer(true, 3, 0));
                assertThat(limiter.usingRedis()).isFalse();
                assertThat(fallbacks()).isEqualTo(1);
            }
            finally {
                silentConnections.destroy();
            }
        }
    }

    /**
     * A limiter that has found Redis: a new one starts with Redis unknown and probes it, and a probe slower than the
     * Redis timeout (a cold first call) is decided in memory while it completes.
     */
    private EdgeRateLimiter limiter() {
        EdgeRateLimiter limiter = new EdgeRateLimiter(new RedisTokenBuckets(new ReactiveStringRedisTemplate(connections)),
                properties(), clock, meters);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            if (!limiter.usingRedis()) {
                clock.advance(RETRY_INTERVAL);
                take(limiter, "rl:test:probe");
            }
            assertThat(limiter.usingRedis()).isTrue();
        });
        fallbacksBefore = meters.counter("gateway.ratelimit.fallback").count();
        return limiter;
    }

    private static RateLimitProperties properties() {
        return new RateLimitProperties(true, Duration.ofMinutes(1),
                new TierQuotas(FOUR_AT_ONCE_ONE_PER_SECOND, FOUR_AT_ONCE_ONE_PER_SECOND, FOUR_AT_ONCE_ONE_PER_SECOND),
                List.of(), Duration.ofMillis(200), RETRY_INTERVAL, 1000, 0.05, Duration.ofSeconds(1));
    }

    private static BucketAnswer take(EdgeRateLimiter limiter, String key) {
        return take(limiter, key, FOUR_AT_ONCE_ONE_PER_SECOND);
    }

    private static BucketAnswer take(EdgeRateLimiter limiter, String key, Quota quota) {
        return limiter.take(key, quota).block(Duration.ofSeconds(5));
    }

    /** Requests allowed for a caller of {@link #HUNDRED_ONE_PER_MINUTE} until the first refusal. */
    private static int takeUntilRefused(EdgeRateLimiter limiter, String key) {
        int allowed = 0;
        while (take(limiter, key, HUNDRED_ONE_PER_MINUTE).allowed()) {
            allowed++;
        }
        return allowed;
    }

    private static BucketAnswer answer(long remaining) {
        return new BucketAnswer(true, remaining, 0);
    }

    private static ReactiveStringRedisTemplate template() {
        return new ReactiveStringRedisTemplate(connections);
    }

    /** Whole tokens left in a caller's bucket in Redis. */
    private static long sharedTokens(String key) {
        Object tokens = template().opsForHash().get(key, "t").block(Duration.ofSeconds(5));
        return (long) Math.floor(Double.parseDouble((String) tokens));
    }

    private double leasedDecisions() {
        return meters.counter("gateway.ratelimit.leased").count();
    }

    /** In-memory decisions since the last limiter found Redis. */
    private double fallbacks() {
        return meters.counter("gateway.ratelimit.fallback").count() - fallbacksBefore;
    }
}
