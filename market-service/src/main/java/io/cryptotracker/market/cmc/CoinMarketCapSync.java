package io.cryptotracker.market.cmc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.scheduling.ClusterJobs;
import io.cryptotracker.market.config.SourceEndpoints;
import io.cryptotracker.market.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies the CoinMarketCap top N into {@code coin_market_cap_data} on a schedule, on one replica at a time. A
 * missing or rejected key is a warning and a health detail, never a failed start; a rate limit pauses the calls
 * for as long as CMC asks ({@link io.cryptotracker.market.source.SourceGate}).
 */
@Component
public class CoinMarketCapSync {

    static final String JOB = "market-service.cmc-sync";
    private static final String REPLAY_KEY = "replay";
    private static final Logger log = LoggerFactory.getLogger(CoinMarketCapSync.class);

    private final CmcClient client;
    private final CoinListingStore store;
    private final CoinListingCache cache;
    private final CmcStatus status;
    private final ClusterJobs jobs;
    private final CmcProperties properties;
    private final Clock clock;

    CoinMarketCapSync(SourceEndpoints endpoints, CoinListingStore store, CoinListingCache cache, CmcStatus status,
            ClusterJobs jobs, CmcProperties properties, Clock clock) {
        String key = properties.hasKey() ? properties.apiKey() : REPLAY_KEY;
        this.client = new CmcClient(endpoints.client("cmc", properties.baseUrl(),
                properties.requestsPerMinute() / 60.0), key);
        this.store = store;
        this.cache = cache;
        this.status = status;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        if (!properties.hasKey()) {
            status.keyState(endpoints.replaying() ? CmcStatus.KeyState.REPLAY : CmcStatus.KeyState.MISSING);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutTheKey() {
        if (status.keyState() == CmcStatus.KeyState.MISSING) {
            log.warn("CMC_API_KEY is not set: CoinMarketCap listings will not be synced; "
                    + "/api/v1/market/cryptocurrencies serves what is stored");
        }
    }

    @Scheduled(initialDelayString = "${cryptotracker.market.cmc.initial-delay:2s}",
            fixedDelayString = "${cryptotracker.market.cmc.sync-interval:5m}")
    void scheduled() {
        syncNow();
    }

    /**
     * Runs one sync unless the key is unusable or another replica is syncing.
     *
     * @return true when listings were stored
     */
    public boolean syncNow() {
        if (status.keyState() == CmcStatus.KeyState.MISSING || status.keyState() == CmcStatus.KeyState.REJECTED) {
            return false;
        }
        try {
            boolean[] stored = { false };
            jobs.runExclusively(JOB, () -> {
                List<CoinListing> coins = client.listings(properties.top());
                Instant now = clock.instant();
                store.replaceAll(coins, now);
                status.succeeded(now, coins.size());
                stored[0] = true;
            });
            if (stored[0]) {
                cache.invalidate();
            }
            return stored[0];
        }
        catch (SourceException ex) {
            status.failed(clock.instant(), ex.getMessage());
            if (ex.kind() == SourceException.Kind.REJECTED) {
                status.keyState(CmcStatus.KeyState.REJECTED);
                log.warn("CoinMarketCap rejected the API key or its plan ({}); syncing stops until CMC_API_KEY is "
                        + "replaced, stored listings are served", ex.getMessage());
            }
            else {
                log.warn("CoinMarketCap sync failed, serving stored listings: {}", ex.getMessage());
            }
            return false;
        }
    }
}
