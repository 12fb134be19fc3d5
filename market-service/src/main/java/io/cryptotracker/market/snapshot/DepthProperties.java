package io.cryptotracker.market.snapshot;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Order-book depth for the symbols whose spread is near a threshold (README "Order-book depth"). The budgets are
 * per source and minute, in the venue's own unit (Binance: request weight; the others: requests), each a small
 * share of the venue's published limit.
 *
 * @param enabled false: no depth is read and snapshots carry no books
 * @param levels levels per side asked for (Binance rounds up to its next limit: 50 costs weight 2, 100 costs 5)
 * @param sizesUsdt the position sizes an executable spread is priced at; the book must hold the largest
 * @param candidateSpreadPercent a gross price spread between two legs (spot/perp, perp/perp, MEXC/DEX) at or above
 *        this, in percent, makes the symbol a depth candidate; below the detectors' open thresholds on purpose
 * @param candidateFundingPercent a funding-rate spread between two perps, in percent per 8 h, that makes one
 * @param mexcSpotPerMinute depth reads a minute on MEXC spot (limit: 500 per 10 s per endpoint, weight 1)
 * @param mexcFuturesPerMinute depth reads a minute on MEXC futures (limit: 20 per 2 s per endpoint)
 * @param binanceWeightPerMinute request weight a minute on Binance USDⓈ-M (limit: 2,400 per minute per IP)
 * @param bybitPerMinute depth reads a minute on Bybit (limit: 600 per 5 s per IP)
 */
@Validated
@ConfigurationProperties("cryptotracker.market.depth")
public record DepthProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("50") @Min(5) @Max(500) int levels,
        @DefaultValue({ "1000", "10000", "50000" }) @NotEmpty List<@NotNull @Positive BigDecimal> sizesUsdt,
        @DefaultValue("0.3") @NotNull @Positive BigDecimal candidateSpreadPercent,
        @DefaultValue("0.03") @NotNull @Positive BigDecimal candidateFundingPercent,
        @DefaultValue("60") @PositiveOrZero int mexcSpotPerMinute,
        @DefaultValue("60") @PositiveOrZero int mexcFuturesPerMinute,
        @DefaultValue("120") @PositiveOrZero int binanceWeightPerMinute,
        @DefaultValue("120") @PositiveOrZero int bybitPerMinute) {

    /** The budget of a source by its name, 0 (no reads) for one without a budget. */
    public int perMinute(String source) {
        return switch (source) {
            case "mexc-spot" -> mexcSpotPerMinute;
            case "mexc-futures" -> mexcFuturesPerMinute;
            case "binance-futures" -> binanceWeightPerMinute;
            case "bybit-linear" -> bybitPerMinute;
            default -> 0;
        };
    }
}
