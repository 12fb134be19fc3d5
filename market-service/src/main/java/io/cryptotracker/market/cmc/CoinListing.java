package io.cryptotracker.market.cmc;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One coin of the CoinMarketCap listings with its USD quote, as stored and as the API shows it. */
public record CoinListing(long cmcId, String symbol, String name, String slug, Integer rank, BigDecimal price,
        @JsonProperty("volume_24h") BigDecimal volume24h, BigDecimal marketCap,
        @JsonProperty("percent_change_1h") BigDecimal percentChange1h,
        @JsonProperty("percent_change_24h") BigDecimal percentChange24h,
        @JsonProperty("percent_change_7d") BigDecimal percentChange7d, BigDecimal circulatingSupply,
        Instant lastUpdated) {
}
