package io.cryptotracker.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A signal exactly as signals-service's REST API shows it (SPEC "Signals"), carried whole in the signal lifecycle
 * events so consumers never call back. Exactly one of {@code spotFutures}, {@code funding}, {@code dex} is set,
 * the one of its {@code kind}; the other two are left out of the JSON.
 *
 * @param kind {@code mexc-spot-futures}, {@code funding-rate} or {@code mexc-dex}
 * @param symbol the unified symbol, e.g. {@code BTC/USDT}
 * @param spreadPercent the gross spread in percent
 * @param netSpreadPercent the spread after the venues' taker fees, in percent
 * @param status {@code OPEN} or {@code CLOSED}
 * @param source {@code DETECTOR}, {@code TELEGRAM} or {@code MANUAL}
 */
public record SignalData(UUID id, String kind, String symbol, BigDecimal spreadPercent, BigDecimal netSpreadPercent,
        BigDecimal peakSpreadPercent, String status, String source, Instant detectedAt, Instant updatedAt,
        Instant closedAt, @JsonInclude(JsonInclude.Include.NON_NULL) SpotFutures spotFutures,
        @JsonInclude(JsonInclude.Include.NON_NULL) Funding funding,
        @JsonInclude(JsonInclude.Include.NON_NULL) Dex dex) {

    public static final String MEXC_SPOT_FUTURES = "mexc-spot-futures";
    public static final String FUNDING_RATE = "funding-rate";
    public static final String MEXC_DEX = "mexc-dex";

    /**
     * MEXC spot against MEXC perpetual futures.
     *
     * @param direction {@code BUY_SPOT_SHORT_PERP} or {@code SELL_SPOT_LONG_PERP}
     * @param fundingRate the perpetual's rate per its interval, a fraction
     */
    public record SpotFutures(BigDecimal spotBid, BigDecimal spotAsk, BigDecimal futuresBid, BigDecimal futuresAsk,
            String direction, BigDecimal fundingRate, Instant nextFundingTime,
            @JsonProperty("spot_volume_24h") BigDecimal spotVolume24h,
            @JsonProperty("futures_volume_24h") BigDecimal futuresVolume24h) {
    }

    /**
     * Funding rates of two perpetuals (hedge long where it is low, short where it is high), or one extreme rate
     * (then the short side is empty). Rates are fractions normalized to 8 hours; APRs in percent.
     *
     * @param priceSpreadPercent the mark-price difference of the two perpetuals in percent: the entry cost
     */
    public record Funding(String longExchange, String shortExchange,
            @JsonProperty("long_rate_per_8h") BigDecimal longRatePer8h,
            @JsonProperty("short_rate_per_8h") BigDecimal shortRatePer8h, BigDecimal longAprPercent,
            BigDecimal shortAprPercent, Integer longIntervalHours, Integer shortIntervalHours,
            Instant longNextFundingTime, Instant shortNextFundingTime, BigDecimal longMarkPrice,
            BigDecimal shortMarkPrice, BigDecimal priceSpreadPercent) {
    }

    /**
     * MEXC spot against an on-chain pool of the same token (matched by contract address).
     *
     * @param direction {@code BUY_DEX_SELL_MEXC} or {@code BUY_MEXC_SELL_DEX}
     * @param depositEnabled whether MEXC accepts deposits of the token on this chain; null when unknown
     * @param withdrawEnabled whether MEXC pays out withdrawals on this chain; null when unknown
     */
    public record Dex(String chain, String dex, String pairAddress, String tokenAddress, BigDecimal mexcBid,
            BigDecimal mexcAsk, BigDecimal dexPrice, BigDecimal liquidityUsd,
            @JsonProperty("volume_24h_usd") BigDecimal volume24hUsd, String direction, Boolean depositEnabled,
            Boolean withdrawEnabled) {
    }
}
