package io.cryptotracker.gateway.ratelimit;

import java.util.List;

import io.cryptotracker.gateway.EndpointPattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/** Which policy, and so which buckets and quotas, a request falls under: the first matching one, else the default. */
public final class RatePolicies {

    static final String DEFAULT = "default";

    private final List<Matcher> policies;
    private final Policy fallback;

    public RatePolicies(RateLimitProperties properties) {
        this.policies = properties.policies().stream()
                .map(policy -> new Matcher(policy.endpoints().stream().map(EndpointPattern::parse).toList(),
                        new Policy(policy.name(), policy.keyBy(), properties.defaults().with(policy.quotas()),
                                policy.exempt())))
                .toList();
        this.fallback = new Policy(DEFAULT, RateLimitProperties.KeyBy.USER_OR_IP, properties.defaults(), false);
    }

    public Policy resolve(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Matcher matcher : policies) {
            if (matcher.endpoints.stream().anyMatch(endpoint -> endpoint.matches(method, container))) {
                return matcher.policy;
            }
        }
        return fallback;
    }

    /** A resolved policy: its bucket name, how callers are told apart, the quota of each tier. */
    public record Policy(String name, RateLimitProperties.KeyBy keyBy, TierQuotas quotas, boolean exempt) {
    }

    private record Matcher(List<EndpointPattern> endpoints, Policy policy) {
    }
}
