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

/**
 * The buckets every gateway instance shares: one atomic Lua call ({@code ratelimit/token_bucket.lua}) takes one token
 * for a request, or several to lease to this instance, and takes back the unused tokens of an expired lease.
 */
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

    /** Takes one token for one request. */
    Mono<BucketAnswer> take(String key, Quota quota, Duration period, long now) {
        return take(key, quota, period, now, 1, 0).map(Grant::answer);
    }

    /**
     * Takes up to {@code want} tokens (at least one, or none when the bucket is empty) after adding {@code giveBack}
     * unused tokens of this instance's expired lease.
     */
    Mono<Grant> take(String key, Quota quota, Duration period, long now, long want, long giveBack) {
        List<String> args = List.of(Long.toString(quota.limit()), Long.toString(quota.burst()),
                Long.toString(period.toMillis()), Long.toString(now), Long.toString(want), Long.toString(giveBack));
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

    private static Grant answer(List<Long> result) {
        if (result.size() != 4) {
            throw new IllegalStateException("The token bucket script answered " + result);
        }
        return new Grant(result.get(0) == 1L, result.get(1), result.get(2), result.get(3));
    }

    /**
     * The shared bucket's answer.
     *
     * @param allowed whether at least one token was taken
     * @param remaining whole tokens left in the shared bucket
     * @param waitMillis when refused, how long until the next token; 0 when allowed
     * @param granted tokens taken: one for the request, the rest leased
     */
    record Grant(boolean allowed, long remaining, long waitMillis, long granted) {

        BucketAnswer answer() {
            return new BucketAnswer(allowed, remaining, waitMillis);
        }
    }
}
