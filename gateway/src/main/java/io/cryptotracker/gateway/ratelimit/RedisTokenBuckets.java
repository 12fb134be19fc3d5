package io.cryptotracker.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/** The buckets every gateway instance shares: one atomic Lua call per request ({@code ratelimit/token_bucket.lua}). */
public final class RedisTokenBuckets {

    /**
     * Read once: a script made from a resource checks the resource for changes (and takes a lock) on every call,
     * which under load costs more than the Redis round trip.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(load(), List.class);

    private final ReactiveStringRedisTemplate redis;

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    Mono<BucketAnswer> take(String key, Quota quota, Duration period, long now) {
        List<String> args = List.of(Long.toString(quota.limit()), Long.toString(quota.burst()),
                Long.toString(period.toMillis()), Long.toString(now));
        return redis.execute(SCRIPT, List.of(key), args)
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(RedisTokenBuckets::answer);
    }

    private static String load() {
        try {
            return new ClassPathResource("ratelimit/token_bucket.lua").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the token bucket script", ex);
        }
    }

    private static BucketAnswer answer(List<Long> result) {
        if (result.size() != 3) {
            throw new IllegalStateException("The token bucket script answered " + result);
        }
        return new BucketAnswer(result.get(0) == 1L, result.get(1), result.get(2));
    }
}
