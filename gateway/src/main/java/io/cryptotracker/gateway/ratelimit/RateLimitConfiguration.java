package io.cryptotracker.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The rate limiter and a Redis client that fails fast while Redis is away and reconnects within a second. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cryptotracker.gateway.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    Clock rateLimitClock() {
        return Clock.systemUTC();
    }

    @Bean
    EdgeRateLimiter edgeRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties,
            Clock rateLimitClock, MeterRegistry meters) {
        return new EdgeRateLimiter(new RedisTokenBuckets(redis), properties, rateLimitClock, meters);
    }

    @Bean
    RateLimitWebFilter rateLimitWebFilter(RateLimitProperties properties, EdgeRateLimiter limiter,
            MeterRegistry meters) {
        return new RateLimitWebFilter(new RatePolicies(properties), limiter, meters);
    }

    @Bean
    RefusedRequestLimitFilter refusedRequestLimitFilter(RateLimitWebFilter rateLimits) {
        return new RefusedRequestLimitFilter(rateLimits);
    }

    /** Commands sent while disconnected fail at once instead of queueing until the command timeout. */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** Lettuce's default reconnect backoff grows to 30 s; Redis should be used again soon after it is back. */
    @Bean
    ClientResourcesBuilderCustomizer quickReconnect() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }
}
