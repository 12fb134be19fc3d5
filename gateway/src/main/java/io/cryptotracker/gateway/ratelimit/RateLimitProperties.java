package io.cryptotracker.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tiered token buckets at the edge.
 *
 * @param enabled off only for experiments; every request then passes without headers
 * @param period the period the quotas' {@code limit} refers to
 * @param defaults the quota of each tier wherever no policy says otherwise (all three tiers required)
 * @param policies special endpoints, first match wins: stricter or separate buckets, or none at all
 * @param redisTimeout how long one bucket check may wait for Redis before the in-memory bucket decides
 * @param redisRetryInterval while Redis is away, how often one request tries it again
 * @param fallbackMaxBuckets how many in-memory buckets (and leases) one instance keeps at most
 * @param leaseShare the share of a bucket's burst one Redis call takes for a caller: one token for the request, the
 *     rest leased to this instance for the caller's next requests (at least one token; 0 leases nothing)
 * @param leaseDuration how long leased tokens, and a refusal from Redis, are used without asking Redis again; 0 asks
 *     Redis for every request
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("1m") Duration period,
        @NotNull @Valid TierQuotas defaults, @NotNull @Valid @DefaultValue List<Policy> policies,
        @NotNull @DefaultValue("150ms") Duration redisTimeout,
        @NotNull @DefaultValue("5s") Duration redisRetryInterval,
        @DefaultValue("100000") long fallbackMaxBuckets, @DefaultValue("0.05") double leaseShare,
        @NotNull @DefaultValue("1s") Duration leaseDuration) {

    public RateLimitProperties {
        if (defaults == null || !defaults.complete()) {
            throw new IllegalArgumentException("cryptotracker.gateway.rate-limit.defaults needs anonymous, free and vip");
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("cryptotracker.gateway.rate-limit.period must be positive");
        }
        // the bound stated in the README (a caller refused early by at most instances × lease size) must stay small
        if (!(leaseShare >= 0 && leaseShare <= 0.1)) {
            throw new IllegalArgumentException("cryptotracker.gateway.rate-limit.lease-share must be between 0 and 0.1,"
                    + " not " + leaseShare);
        }
        if (leaseDuration.isNegative() || leaseDuration.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("cryptotracker.gateway.rate-limit.lease-duration must be between 0 and 1s,"
                    + " not " + leaseDuration);
        }
    }

    /**
     * Endpoints with their own buckets.
     *
     * @param name names the buckets ({@code rl:<name>:...}); endpoints of one policy share a caller's bucket
     * @param endpoints {@code "METHOD /path/pattern"} or {@code "/path/pattern"}
     * @param keyBy {@code USER_OR_IP}: a verified user's own bucket, else the client address; {@code IP}: always the
     *     client address, charged at the anonymous quota (login and register, where nobody is signed in yet)
     * @param quotas tiers whose quota differs from the defaults
     * @param exempt not limited at all (health probes and metrics scrapes must never be refused)
     */
    public record Policy(@NotBlank String name, @NotEmpty List<String> endpoints,
            @NotNull @DefaultValue("USER_OR_IP") KeyBy keyBy, @Valid TierQuotas quotas,
            @DefaultValue("false") boolean exempt) {
    }

    /** What identifies a caller's bucket. */
    public enum KeyBy {
        USER_OR_IP, IP
    }
}
