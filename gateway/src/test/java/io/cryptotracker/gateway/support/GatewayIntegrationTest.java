package io.cryptotracker.gateway.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port in front of {@link Downstreams}. Services are found by Spring Cloud's simple
 * discovery client instead of Eureka; the JWKS address stays the production default, {@code lb://auth-service/...},
 * so the key lookup goes through the load balancer as it does in production. No Redis runs: rate limits fall back
 * to in-memory buckets, with quotas high enough for these tests ({@code RateLimitTest} has its own context and Redis).
 * Actuator answers on its own random port ({@link #management()}). All test classes share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// past the 5 s default: on a loaded machine (2 cores shared by several builds) a first routed call can take longer
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(TestRoutes.class)
@TestPropertySource(properties = {
        "management.server.port=0",
        // no Redis runs here: an address, not a name. Lettuce resolves a name with Netty's DNS resolver, which no
        // connect timeout bounds; on the CI sandbox, whose name server never answers, the rate limiter's probe of
        // "localhost" waited over 30 s for it (and its time limit starts only once a connection is open)
        "spring.data.redis.host=127.0.0.1",
        // one context for every class: Nimbus' refetch limit (tested in test-support's AccessTokenDecoderTest) must
        // not carry the unknown-key tokens of one test into the next
        "cryptotracker.security.jwks-min-refresh-interval=PT0.001S",
        "cryptotracker.gateway.rate-limit.defaults.anonymous.limit=100000",
        "cryptotracker.gateway.rate-limit.defaults.anonymous.burst=100000",
        "cryptotracker.gateway.rate-limit.defaults.free.limit=100000",
        "cryptotracker.gateway.rate-limit.defaults.free.burst=100000",
        "cryptotracker.gateway.rate-limit.defaults.vip.limit=100000",
        "cryptotracker.gateway.rate-limit.defaults.vip.burst=100000"})
public abstract class GatewayIntegrationTest {

    @Autowired
    protected WebTestClient client;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) {
        registry.add("eureka.client.enabled", () -> "false");
        instance(registry, "auth-service", Downstreams.url(Downstreams.AUTH));
        instance(registry, "user-service", Downstreams.url(Downstreams.USERS));
        instance(registry, "market-service", Downstreams.url(Downstreams.MARKET));
        instance(registry, "signals-service", Downstreams.url(Downstreams.SIGNALS));
        instance(registry, "notification-service", Downstreams.url(Downstreams.NOTIFICATIONS));
        instance(registry, "dead-service", "http://localhost:" + Downstreams.DEAD_PORT);
    }

    private static void instance(DynamicPropertyRegistry registry, String service, String uri) {
        registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", () -> uri);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Downstreams.forgetRequests();
    }

    /** A client of the management port, where actuator answers. */
    protected WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
