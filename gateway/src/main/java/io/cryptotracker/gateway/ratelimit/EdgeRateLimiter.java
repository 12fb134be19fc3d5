package io.cryptotracker.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a token from the shared bucket in Redis, or from this instance's own bucket while Redis is away.
 * <p>
 * A caller's request asks Redis for a few tokens at once ({@code leaseShare} of the bucket's burst, at least one):
 * one for itself, the rest leased to this instance, which hands them to the caller's next requests without asking
 * Redis, for at most {@code leaseDuration}; unused ones go back to the shared bucket with the caller's next call. After
 * Redis refused, this instance refuses the caller without asking again until the next token is due, for at most
 * {@code leaseDuration} too. So a caller never gets more than the quota, and may be refused early by at most
 * {@code instances × (lease size - 1)} tokens, held by the other instances for at most the lease's duration.
 * <p>
 * A failed or slow Redis call (longer than {@code redisTimeout}) opens a circuit: for the next
 * {@code redisRetryInterval} every request goes straight to the in-memory buckets, so an outage adds no Redis latency
 * to requests; then one request tries Redis again, and the first answer closes the circuit. The outage is logged
 * once when it starts and once when it ends; every request decided in memory counts in
 * {@code gateway.ratelimit.fallback}. No request fails because Redis does.
 */
public class EdgeRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(EdgeRateLimiter.class);

    private final RedisTokenBuckets redis;
    private final LocalTokenBuckets local;
    private final Clock clock;
    private final Duration period;
    private final Duration redisTimeout;
    private final long retryIntervalMillis;
    private final Counter fallbacks;
    private final Counter leased;
    private final double leaseShare;
    private final long leaseMillis;
    /** Per caller: tokens leased from the shared bucket, or a refusal remembered. Idle until full, it is forgotten. */
    private final Cache<String, TokenLease> leases;

    /** While true, requests use the local buckets until {@link #retryAt}. Starts true: the first request probes. */
    private final AtomicBoolean redisAway = new AtomicBoolean(true);
    private final AtomicLong retryAt = new AtomicLong(0);
    private volatile boolean outageLogged;
    /** One scheduler per event loop that requests came from (a handful: Reactor Netty's loop threads). */
    private final Map<Executor, Scheduler> continuations = new ConcurrentHashMap<>();

    public EdgeRateLimiter(RedisTokenBuckets redis, RateLimitProperties properties, Clock clock,
            MeterRegistry meters) {
        this.redis = redis;
        Duration longestRefill = longestRefill(properties);
        this.local = new LocalTokenBuckets(properties.fallbackMaxBuckets(), longestRefill);
        this.leases = Caffeine.newBuilder().maximumSize(properties.fallbackMaxBuckets())
                .expireAfterAccess(longestRefill).build();
        this.leaseShare = properties.leaseShare();
        this.leaseMillis = properties.leaseDuration().toMillis();
        this.clock = clock;
        this.period = properties.period();
        this.redisTimeout = properties.redisTimeout();
        this.retryIntervalMillis = properties.redisRetryInterval().toMillis();
        this.fallbacks = Counter.builder("gateway.ratelimit.fallback")
                .description("Rate-limit decisions taken by this instance's in-memory buckets because Redis was away")
                .register(meters);
        this.leased = Counter.builder("gateway.ratelimit.leased")
                .description("Rate-limit decisions taken from what this instance holds of the shared bucket (leased "
                        + "tokens, a remembered refusal), without a Redis call")
                .register(meters);
    }

    public Mono<BucketAnswer> take(String key, Quota quota) {
        return take(key, quota, null);
    }

    /**
     * Takes a token; a Redis answer continues on {@code continueOn} (the request's own event loop), or on Reactor's
     * parallel scheduler when that is {@code null}.
     */
    public Mono<BucketAnswer> take(String key, Quota quota, Executor continueOn) {
        long now = clock.millis();
        if (!redisAway.get()) {
            return leaseMillis > 0 ? Mono.defer(() -> leased(key, quota, continueOn, now))
                    : continued(redis.take(key, quota, period, now), continueOn)
                            .onErrorResume(error -> {
                                redisFailed(error);
                                return Mono.fromSupplier(() -> fallback(key, quota, now));
                            });
        }
        long probeAt = retryAt.get();
        if (now < probeAt || !retryAt.compareAndSet(probeAt, now + retryIntervalMillis)) {
            return Mono.fromSupplier(() -> fallback(key, quota, now));
        }
        // the one probing request. Lettuce may have to open a connection first, which blocks the subscribing thread
        // (so: off the event loop) and which none of its timeouts bounds whole (a name lookup that gets no answer).
        // This request waits at most redisTimeout, counted from here; the attempt itself is not cancelled, and its
        // outcome, whenever it comes, decides whether the requests after it use Redis again
        CompletableFuture<BucketAnswer> probe = Mono.defer(() -> redis.take(key, quota, period, now))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
        probe.whenComplete((answer, error) -> {
            if (error == null) {
                redisBack();
            }
            else {
                redisFailed(error);
            }
        });
        return continued(Mono.fromFuture(probe, true), continueOn)
                .onErrorResume(error -> Mono.fromSupplier(() -> fallback(key, quota, now)));
    }

    /** Decided from this instance's lease on the caller's bucket, or by Redis, which may grant a new lease. */
    private Mono<BucketAnswer> leased(String key, Quota quota, Executor continueOn, long now) {
        TokenLease lease = leases.get(key, ignored -> new TokenLease());
        TokenLease.Step step = lease.take(now, leaseSize(quota));
        if (step.answer() != null) {
            leased.increment();
            return Mono.just(step.answer());
        }
        return continued(redis.take(key, quota, period, now, step.want(), step.giveBack()), continueOn)
                .map(grant -> lease.granted(grant, step.want(), clock.millis(), leaseMillis))
                .onErrorResume(error -> {
                    lease.failed(step.want());
                    redisFailed(error);
                    return Mono.fromSupplier(() -> fallback(key, quota, now));
                })
                // a client gone before Redis answered: the caller's next request may ask for a lease again
                .doOnCancel(() -> lease.failed(step.want()));
    }

    /** Tokens one Redis call takes for a caller with this quota: one for the request, the rest leased. */
    private long leaseSize(Quota quota) {
        return Math.max(1, (long) Math.floor(quota.burst() * leaseShare));
    }

    /**
     * A Redis answer within the Redis timeout, continued on {@code continueOn}. Redis answers on Lettuce's single I/O
     * thread, and the rest of the request must not run there. Back on the request's own event loop it costs less than
     * a hop to the parallel scheduler, and the proxied call's connection is then taken on that same loop (Reactor
     * Netty colocates them).
     */
    private <T> Mono<T> continued(Mono<T> answer, Executor continueOn) {
        return answer.timeout(redisTimeout)
                .publishOn(continueOn == null ? Schedulers.parallel()
                        : continuations.computeIfAbsent(continueOn, Schedulers::fromExecutor));
    }

    /** Whether requests are decided in Redis right now (false during an outage). */
    public boolean usingRedis() {
        return !redisAway.get();
    }

    private BucketAnswer fallback(String key, Quota quota, long now) {
        fallbacks.increment();
        return local.take(key, quota, period, now);
    }

    private void redisFailed(Throwable error) {
        retryAt.set(clock.millis() + retryIntervalMillis);
        if (redisAway.compareAndSet(false, true) || !outageLogged) {
            outageLogged = true;
            String reason = error instanceof TimeoutException ? "no answer within " + redisTimeout.toMillis() + " ms"
                    : NestedExceptionUtils.getMostSpecificCause(error).toString();
            log.warn("Redis is unreachable ({}): rate limits are per instance, in memory, until it is back; "
                    + "retrying every {} ms", reason, retryIntervalMillis);
        }
    }

    private void redisBack() {
        if (redisAway.compareAndSet(true, false) && outageLogged) {
            outageLogged = false;
            log.info("Redis is back: rate limits are shared again");
        }
    }

    /** How long the slowest-filling bucket takes from empty to full: an in-memory bucket idle that long is full. */
    private static Duration longestRefill(RateLimitProperties properties) {
        double periods = Math.max(1, fillPeriods(properties.defaults()));
        for (RateLimitProperties.Policy policy : properties.policies()) {
            if (policy.quotas() != null) {
                periods = Math.max(periods, fillPeriods(properties.defaults().with(policy.quotas())));
            }
        }
        return Duration.ofMillis((long) Math.ceil(periods * properties.period().toMillis()));
    }

    private static double fillPeriods(TierQuotas quotas) {
        double periods = 0;
        for (RateTier tier : RateTier.values()) {
            Quota quota = quotas.of(tier);
            periods = Math.max(periods, (double) quota.burst() / quota.limit());
        }
        return periods;
    }
}
