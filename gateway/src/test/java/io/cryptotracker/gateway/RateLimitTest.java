package io.cryptotracker.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.gateway.ratelimit.EdgeRateLimiter;
import io.cryptotracker.gateway.ratelimit.Quota;
import io.cryptotracker.gateway.ratelimit.RateLimitProperties;
import io.cryptotracker.gateway.ratelimit.RedisTokenBuckets;
import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.MutableClock;
import io.cryptotracker.gateway.support.TestRedis;
import io.cryptotracker.gateway.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Rate limits through the whole gateway on a real Redis, with small quotas and a clock the tests move. The loopback
 * address 127.0.0.1 plays a trusted ingress that appends the client's address to {@code X-Forwarded-For}; clients
 * connecting from 127.0.0.2 play callers that reach the gateway directly.
 */
class RateLimitTest extends GatewayIntegrationTest {

    private static final TestRedis REDIS = new TestRedis();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private static final String MARKET = "/api/v1/market/cryptocurrencies";
    private static final String USERS_ME = "/api/v1/users/me";

    @TestBean(name = "rateLimitClock", methodName = "movableClock")
    Clock clock;

    @Autowired
    EdgeRateLimiter limiter;

    @Autowired
    RateLimitProperties properties;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    static Clock movableClock() {
        return CLOCK;
    }

    /**
     * The limiter starts with Redis unknown and probes it; a probe that takes longer than the Redis timeout (a cold
     * first connection on a loaded machine) is decided in memory while it completes. The counts below are Redis's.
     */
    @BeforeEach
    void limitsAreSharedInRedis() {
        usingRedis(limiter);
    }

    private void usingRedis(EdgeRateLimiter instance) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            if (!instance.usingRedis()) {
                CLOCK.advance(properties.redisRetryInterval());
                instance.take("rl:test:probe", properties.defaults().anonymous()).block();
            }
            assertThat(instance.usingRedis()).isTrue();
        });
    }

    @DynamicPropertySource
    static void smallQuotasOnARealRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
        String limits = "cryptotracker.gateway.rate-limit.";
        quota(registry, limits + "defaults.anonymous", 2, 4);
        quota(registry, limits + "defaults.free", 3, 6);
        quota(registry, limits + "defaults.vip", 10, 20);
        registry.add("cryptotracker.gateway.trusted-proxies", () -> "127.0.0.1");
        registry.add(limits + "policies[0].name", () -> "infrastructure");
        registry.add(limits + "policies[0].exempt", () -> "true");
        registry.add(limits + "policies[0].endpoints", () -> "/actuator/**,/livez,/readyz");
        registry.add(limits + "policies[1].name", () -> "credentials");
        registry.add(limits + "policies[1].key-by", () -> "IP");
        registry.add(limits + "policies[1].endpoints", () -> "POST /api/v1/auth/login,POST /api/v1/auth/register");
        quota(registry, limits + "policies[1].quotas.anonymous", 1, 2);
        registry.add(limits + "policies[2].name", () -> "telegram-webhook");
        registry.add(limits + "policies[2].key-by", () -> "IP");
        registry.add(limits + "policies[2].endpoints", () -> "POST /api/v1/telegram/webhook");
        quota(registry, limits + "policies[2].quotas.anonymous", 3, 6);
        // a VIP's burst of 20 leases 2 tokens per Redis call; every smaller bucket here still takes 1
        registry.add(limits + "lease-share", () -> "0.1");
    }

    private static void quota(DynamicPropertyRegistry registry, String prefix, long limit, long burst) {
        registry.add(prefix + ".limit", () -> Long.toString(limit));
        registry.add(prefix + ".burst", () -> Long.toString(burst));
    }

    @Test
    void everyAnswerCarriesTheBucketsCapacityAndWhatIsLeft() {
        String address = "203.0.113.1";
        viaIngress(MARKET, address).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "4")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "3");
        asUser(MARKET, TestTokens.expired(), address).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "2");
    }

    @Test
    void requestsRefusedForWantOfAValidTokenAreChargedToTheAddressToo() {
        String address = "203.0.113.11";
        viaIngress(USERS_ME, address).expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-RateLimit-Limit", "4")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "3");
        for (int i = 2; i >= 0; i--) {
            asUser(USERS_ME, TestTokens.tamperedSignature(), address).expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(i));
        }
        asUser(USERS_ME, TestTokens.expired(), address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        viaIngress(MARKET, address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void guessedWebSocketTicketsAreChargedOnceEachAndStopBeforeReachingNotificationService() {
        String address = "203.0.113.12";
        for (int i = 3; i >= 0; i--) {
            viaIngress("/ws/signals?ticket=t-guess-" + i, address).expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(i));
        }
        viaIngress("/ws/signals?ticket=t-guess-again", address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(Downstreams.TICKET_CHECKS).as("the refused guess was never checked").hasSize(4);
    }

    @Test
    void anEmptyBucketAnswers429ProblemJsonWithRetryAfterAndRefillsAtTheLimitRate() {
        String address = "203.0.113.2";
        for (int i = 0; i < 4; i++) {
            viaIngress(MARKET, address).expectStatus().isOk();
        }
        viaIngress(MARKET, address)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectHeader().valueEquals("X-RateLimit-Limit", "4")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.instance").isEqualTo(MARKET);

        CLOCK.advance(Duration.ofSeconds(29));
        viaIngress(MARKET, address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
        CLOCK.advance(Duration.ofSeconds(1));
        viaIngress(MARKET, address).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "0");
        CLOCK.advance(Duration.ofMinutes(5));
        viaIngress(MARKET, address).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "3");
    }

    @Test
    void eachTierHasItsOwnQuota() {
        String address = "203.0.113.3";
        String free = TestTokens.valid(UUID.randomUUID(), "FREE");
        String vip = TestTokens.valid(UUID.randomUUID(), "VIP");

        viaIngress(MARKET, address).expectHeader().valueEquals("X-RateLimit-Limit", "4");
        asUser(USERS_ME, free, address).expectHeader().valueEquals("X-RateLimit-Limit", "6");
        asUser(USERS_ME, vip, address).expectHeader().valueEquals("X-RateLimit-Limit", "20");

        for (int i = 1; i < 6; i++) {
            asUser(USERS_ME, free, address).expectStatus().isOk();
        }
        asUser(USERS_ME, free, address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        for (int i = 1; i < 20; i++) {
            asUser(USERS_ME, vip, address).expectStatus().isOk();
        }
        asUser(USERS_ME, vip, address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aLeasedTokenServesTheNextRequestWithoutRedisAndTheHeadersCountDownAsAlways() {
        UUID id = UUID.randomUUID();
        String vip = TestTokens.valid(id, "VIP");
        String key = "rl:default:user:" + id;
        double leasedBefore = meters.get("gateway.ratelimit.leased").counter().count();

        asUser(USERS_ME, vip, "203.0.113.5").expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "19");
        assertThat(sharedTokens(key)).as("one for the request, one leased").isEqualTo(18);
        asUser(USERS_ME, vip, "203.0.113.5").expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "18");

        assertThat(sharedTokens(key)).isEqualTo(18);
        assertThat(meters.get("gateway.ratelimit.leased").counter().count()).isEqualTo(leasedBefore + 1);
    }

    @Test
    void oneUsersEmptyBucketNeverDrainsAnothersOrTheAddresss() {
        String address = "203.0.113.4";
        String alice = TestTokens.valid(UUID.randomUUID(), "FREE");
        String bob = TestTokens.valid(UUID.randomUUID(), "FREE");
        for (int i = 0; i < 6; i++) {
            asUser(USERS_ME, alice, address).expectStatus().isOk();
        }
        asUser(USERS_ME, alice, address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        asUser(USERS_ME, bob, address).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "5");
        viaIngress(MARKET, address).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "3");
    }

    @Test
    void aForgedForwardedForBehindTheIngressDoesNotChangeTheKey() {
        for (int i = 0; i < 4; i++) {
            // the ingress appends the real address after whatever the client wrote
            client.get().uri(MARKET).header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.5").exchange()
                    .expectStatus().isOk();
        }
        client.get().uri(MARKET).header("X-Forwarded-For", "198.51.100.99, 203.0.113.5").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void behindTheIngressTheServiceIsToldOnlyTheAddressTheIngressVouchedFor() {
        Downstreams.forgetRequests();
        client.get().uri(MARKET).header("X-Forwarded-For", "198.51.100.1, 203.0.113.77").exchange()
                .expectStatus().isOk();

        assertThat(Downstreams.received(Downstreams.MARKET, MARKET)).singleElement()
                .satisfies(request -> assertThat(request.header("X-Forwarded-For").values())
                        .containsExactly("203.0.113.77"));
    }

    @Test
    void aCallerThatIsNotATrustedProxyCannotChooseItsKeyWithForwardedFor() {
        WebTestClient direct = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()
                        .bindAddress(() -> new InetSocketAddress("127.0.0.2", 0))))
                .baseUrl("http://127.0.0.1:" + port).build();
        for (int i = 0; i < 4; i++) {
            direct.get().uri(MARKET).header("X-Forwarded-For", "198.51.100." + i).exchange()
                    .expectStatus().isOk();
        }
        direct.get().uri(MARKET).header("X-Forwarded-For", "198.51.100.200").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void loginAndRegisterShareAStricterBucketPerAddressEvenWithAToken() {
        String address = "203.0.113.6";
        String vip = TestTokens.valid(UUID.randomUUID(), "VIP");
        post("/api/v1/auth/login", address, null).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "2");
        post("/api/v1/auth/register", address, vip).expectStatus().isOk();
        post("/api/v1/auth/login", address, null).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60");

        viaIngress(MARKET, address).expectStatus().isOk();
        post("/api/v1/auth/login", "203.0.113.7", null).expectStatus().isOk();
    }

    @Test
    void aDoubledSlashLoginWithATokenIsRefusedBeforeItReachesAuthServiceOrAnyBucket() {
        String address = "203.0.113.30";
        String vip = TestTokens.valid(UUID.randomUUID(), "VIP");
        for (int i = 0; i < 6; i++) {
            post(URI.create("http://localhost:" + port + "/api/v1/auth//login"), address, vip)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(Downstreams.receivedInAll()).isZero();

        post("/api/v1/auth/login", address, vip).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "2")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "1");
        asUser(USERS_ME, vip, address).expectHeader().valueEquals("X-RateLimit-Remaining", "19");
    }

    @Test
    void aLoginPathSpelledWithAnEncodedLetterIsChargedToTheCredentialsBucketItReaches() {
        String address = "203.0.113.31";
        String vip = TestTokens.valid(UUID.randomUUID(), "VIP");
        post(URI.create("http://localhost:" + port + "/api/v1/auth/%6Cogin"), address, vip).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "2")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "1");
        post("/api/v1/auth/login", address, vip).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0");
        post(URI.create("http://localhost:" + port + "/api/v1/auth/%6cogin"), address, vip)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(Downstreams.AUTH.findAll(anyRequestedFor(anyUrl()))).hasSize(2)
                .allSatisfy(request -> assertThat(request.getUrl()).containsIgnoringCase("ogin"));
    }

    @Test
    void theTelegramWebhookHasItsOwnPerAddressBucketWhichMadeUpSecretsDoNotMultiply() {
        String address = "203.0.113.40";
        for (int i = 5; i >= 0; i--) {
            webhook(address, "made-up-" + i).expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Limit", "6")
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(i));
        }
        webhook(address, "yet-another").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);

        viaIngress(MARKET, address).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "3");
        webhook("203.0.113.41", "s3cret").expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "5");
        assertThat(Downstreams.received(Downstreams.SIGNALS, "/api/v1/telegram/webhook")).hasSize(7);
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        for (int i = 0; i < 10; i++) {
            viaIngress("/livez", "203.0.113.10").expectStatus().isOk().expectHeader().doesNotExist("X-RateLimit-Limit");
        }
    }

    @Test
    void withRedisStoppedRequestsAreStillServedAndLimitsAreSharedAgainOnceItIsBack() {
        double fallbacksBefore = fallbacks();
        REDIS.stop();
        try {
            for (int i = 0; i < 4; i++) {
                viaIngress(MARKET, "203.0.113.20").expectStatus().isOk()
                        .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(3 - i));
            }
            viaIngress(MARKET, "203.0.113.20").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            asUser(USERS_ME, TestTokens.valid(UUID.randomUUID(), "VIP"), "203.0.113.20").expectStatus().isOk();
            assertThat(limiter.usingRedis()).isFalse();
            assertThat(fallbacks() - fallbacksBefore).isEqualTo(6);
        }
        finally {
            REDIS.start();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            CLOCK.advance(properties.redisRetryInterval());
            viaIngress(MARKET, "203.0.113.21").expectStatus().isOk();
            assertThat(limiter.usingRedis()).isTrue();
        });

        // another gateway instance on the same Redis empties this client's bucket: this instance refuses it too
        EdgeRateLimiter otherInstance = new EdgeRateLimiter(new RedisTokenBuckets(redisTemplate), properties, CLOCK,
                new SimpleMeterRegistry());
        usingRedis(otherInstance);
        Quota anonymous = properties.defaults().anonymous();
        for (int i = 0; i < 4; i++) {
            assertThat(otherInstance.take("rl:default:ip:203.0.113.22", anonymous).block().allowed()).isTrue();
        }
        double fallbacksAfterRecovery = fallbacks();
        viaIngress(MARKET, "203.0.113.22").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fallbacks()).isEqualTo(fallbacksAfterRecovery);
    }

    private long sharedTokens(String key) {
        Object tokens = redisTemplate.opsForHash().get(key, "t").block(Duration.ofSeconds(5));
        return (long) Math.floor(Double.parseDouble((String) tokens));
    }

    private double fallbacks() {
        return meters.get("gateway.ratelimit.fallback").counter().count();
    }

    private WebTestClient.ResponseSpec viaIngress(String path, String clientAddress) {
        return client.get().uri(path).header("X-Forwarded-For", clientAddress).exchange();
    }

    private WebTestClient.ResponseSpec asUser(String path, String token, String clientAddress) {
        return client.get().uri(path).header("X-Forwarded-For", clientAddress)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }

    private WebTestClient.ResponseSpec webhook(String clientAddress, String secret) {
        return client.post().uri("/api/v1/telegram/webhook").header("X-Forwarded-For", clientAddress)
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"update_id\":1}").exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String clientAddress, String token) {
        return post(URI.create("http://localhost:" + port + path), clientAddress, token);
    }

    private WebTestClient.ResponseSpec post(URI uri, String clientAddress, String token) {
        WebTestClient.RequestBodySpec request = client.post().uri(uri).header("X-Forwarded-For", clientAddress)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bearer(token));
        }
        return request.bodyValue("{}").exchange();
    }
}
