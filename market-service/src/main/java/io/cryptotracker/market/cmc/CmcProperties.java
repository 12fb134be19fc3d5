package io.cryptotracker.market.cmc;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CoinMarketCap listings sync.
 *
 * @param baseUrl the live API (replay mode ignores it)
 * @param apiKey {@code CMC_API_KEY}; only from the environment, never logged
 * @param top how many coins by rank are kept (one credit per 200)
 * @param syncInterval pause between syncs (the free plan's 10,000 credits a month allow one call per ~5 min)
 * @param cacheTtl how long a replica serves its in-memory copy before re-reading the table
 * @param requestsPerMinute CMC's per-minute limit, kept below the plan's
 */
@Validated
@ConfigurationProperties("cryptotracker.market.cmc")
public record CmcProperties(@DefaultValue("https://pro-api.coinmarketcap.com") @NotBlank String baseUrl,
        String apiKey, @DefaultValue("200") @Min(1) @Max(5000) int top,
        @DefaultValue("5m") @NotNull Duration syncInterval, @DefaultValue("30s") @NotNull Duration cacheTtl,
        @DefaultValue("20") @Positive double requestsPerMinute) {

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "CmcProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasKey() ? "***" : "<none>") + ", top=" + top
                + ", syncInterval=" + syncInterval + ", cacheTtl=" + cacheTtl + "]";
    }
}
