package io.cryptotracker.market.snapshot;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Exchange and DEX polling.
 *
 * @param pollInterval pause between two rounds of quotes (one snapshot per symbol per round)
 * @param maxSourceAge a source's last good answer is used for this long while it fails, then dropped
 * @param networksInterval how often MEXC's deposit/withdraw status is re-read (a heavy, signed call)
 * @param quoteAssets quote currencies snapshots are made for
 * @param binanceTakerFee Binance USDⓈ-M taker fee (regular tier)
 * @param bybitTakerFee Bybit linear taker fee (regular tier)
 * @param dexscreenerRequestsPerSecond DexScreener allows 300 a minute
 */
@Validated
@ConfigurationProperties("cryptotracker.market.venues")
public record VenueProperties(@DefaultValue("5s") @NotNull Duration pollInterval,
        @DefaultValue("2m") @NotNull Duration maxSourceAge, @DefaultValue("5m") @NotNull Duration networksInterval,
        @DefaultValue("USDT") @NotEmpty Set<String> quoteAssets,
        @DefaultValue("https://fapi.binance.com") @NotBlank String binanceBaseUrl,
        @DefaultValue("0.0005") @NotNull BigDecimal binanceTakerFee,
        @DefaultValue("https://api.bybit.com") @NotBlank String bybitBaseUrl,
        @DefaultValue("0.00055") @NotNull BigDecimal bybitTakerFee,
        @DefaultValue("https://api.dexscreener.com") @NotBlank String dexscreenerBaseUrl,
        @DefaultValue("4") double dexscreenerRequestsPerSecond) {
}
