package io.cryptotracker.market.cmc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The listings a replica serves: read from {@code coin_market_cap_data} at most once per TTL, so requests never
 * reach CoinMarketCap and rarely the database. If the database read fails, the previous copy keeps being served.
 */
@Component
public class CoinListingCache {

    private static final Logger log = LoggerFactory.getLogger(CoinListingCache.class);

    private final CoinListingStore store;
    private final CmcProperties properties;
    private final Clock clock;

    private volatile Loaded loaded;

    CoinListingCache(CoinListingStore store, CmcProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public List<CoinListing> listings() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.at.plus(properties.cacheTtl()))) {
            return current.coins;
        }
        synchronized (this) {
            current = loaded;
            if (current != null && now.isBefore(current.at.plus(properties.cacheTtl()))) {
                return current.coins;
            }
            try {
                loaded = new Loaded(List.copyOf(store.findAll()), now);
            }
            catch (RuntimeException ex) {
                if (current == null) {
                    throw ex;
                }
                log.warn("Could not reload CoinMarketCap listings, serving the copy from {}: {}", current.at,
                        ex.toString());
                loaded = new Loaded(current.coins, now);
            }
            return loaded.coins;
        }
    }

    /** The next request re-reads the table (after this replica synced). */
    public void invalidate() {
        loaded = null;
    }

    private record Loaded(List<CoinListing> coins, Instant at) {
    }
}
