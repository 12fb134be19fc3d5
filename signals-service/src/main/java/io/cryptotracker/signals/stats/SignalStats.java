package io.cryptotracker.signals.stats;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET /api/v1/signals/stats} (contract 2): figures over all signals the question covers and per
 * group, the largest group first.
 */
record SignalStats(@Schema(allowableValues = { "symbol", "route", "source" }) String groupBy, Instant from,
        Instant to, Instant generatedAt, Figures total, List<Group> groups) {

    /**
     * @param count signals detected in the window
     * @param converged30mCount those whose net spread fell below the kind's close threshold within 30 minutes
     * @param converged30mShare the share of converged ones among the signals detected at least 30 minutes ago; null
     *        when there is none
     * @param aliveMedianSeconds closed signals' time from detection to close (whole seconds), median; null when none
     *        closed
     * @param aliveP90Seconds the same, 90th percentile
     * @param peakNetMedianPercent the best net spread seen in the first 30 minutes, median over the signals that have
     *        one
     */
    record Figures(long count, @JsonProperty("converged_30m_count") long converged30mCount,
            @JsonProperty("converged_30m_share") @Schema(nullable = true) Double converged30mShare,
            @Schema(nullable = true) Double aliveMedianSeconds, @Schema(nullable = true) Double aliveP90Seconds,
            @Schema(nullable = true) Double peakNetMedianPercent) {

        static Figures of(OutcomeColumns.Figures figures) {
            return new Figures(figures.count(), figures.converged30mCount(), figures.converged30mShare(),
                    figures.aliveMedianSeconds(), figures.aliveP90Seconds(), figures.peakNetMedianPercent());
        }
    }

    /**
     * @param key the symbol ({@code BTC/USDT}), the route ({@code binance perp → bybit perp}; {@code unknown} for a
     *        venue the signal does not name) or the source ({@code DETECTOR})
     */
    record Group(String key, long count, @JsonProperty("converged_30m_count") long converged30mCount,
            @JsonProperty("converged_30m_share") @Schema(nullable = true) Double converged30mShare,
            @Schema(nullable = true) Double aliveMedianSeconds, @Schema(nullable = true) Double aliveP90Seconds,
            @Schema(nullable = true) Double peakNetMedianPercent) {

        static Group of(OutcomeColumns.Group group) {
            OutcomeColumns.Figures f = group.figures();
            return new Group(group.key(), f.count(), f.converged30mCount(), f.converged30mShare(),
                    f.aliveMedianSeconds(), f.aliveP90Seconds(), f.peakNetMedianPercent());
        }
    }
}
