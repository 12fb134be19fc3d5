package io.cryptotracker.market.snapshot;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code marketSources} health component: per source when it last answered well and its last error. It stays
 * UP – a failing exchange degrades the data, not the service – so operators read the details and the
 * {@code market_source_freshness_seconds} metric instead.
 */
@Component("marketSources")
class MarketSourcesHealth implements HealthIndicator {

    private final MarketPoller poller;

    MarketSourcesHealth(MarketPoller poller) {
        this.poller = poller;
    }

    @Override
    public Health health() {
        Map<String, Instant> successes = poller.lastSuccesses();
        Map<String, String> errors = poller.lastErrors();
        TreeSet<String> sources = new TreeSet<>(successes.keySet());
        sources.addAll(errors.keySet());
        Map<String, Object> details = new TreeMap<>();
        for (String source : sources) {
            Map<String, Object> detail = new TreeMap<>();
            detail.put("last_success", successes.containsKey(source) ? successes.get(source).toString() : "never");
            if (errors.containsKey(source)) {
                detail.put("last_error", errors.get(source));
            }
            details.put(source, detail);
        }
        return Health.up().withDetails(details).build();
    }
}
