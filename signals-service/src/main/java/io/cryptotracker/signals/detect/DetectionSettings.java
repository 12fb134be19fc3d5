package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Thresholds of the detectors. A signal opens when its net spread reaches {@code open}, stays open until it falls
 * below {@code close} (hysteresis: {@code close < open}, so a spread hovering at the line does not flap), and is
 * updated while open when the net spread moved by at least {@code minChange} percentage points.
 *
 * @param staleAfter exchange quotes older than this never make or move a signal
 * @param dexStaleAfter DEX pool prices older than this never make or move a signal
 * @param extremeFundingPer8hPercent one venue's funding rate (per 8 h, in percent) that is a signal on its own
 * @param dexSwapFeePercent the DEX leg's cost (pool fee and slippage) in percent, as DEX quotes carry no taker fee
 * @param minLiquidityUsd pools with less liquidity are ignored
 * @param closeStaleAfter an OPEN signal whose venues sent no fresh quotes for this long is closed: its spread can no
 *        longer be seen, and a signal must not stay open for ever because a coin was delisted or a feed stopped
 */
public record DetectionSettings(Threshold spotFutures, Threshold funding, Threshold dex, Duration staleAfter,
        Duration dexStaleAfter, BigDecimal extremeFundingPer8hPercent, BigDecimal dexSwapFeePercent,
        BigDecimal minLiquidityUsd, BigDecimal minChange, Duration closeStaleAfter) {

    public DetectionSettings {
        for (Threshold threshold : new Threshold[] { spotFutures, funding, dex }) {
            if (threshold.close().compareTo(threshold.open()) > 0) {
                throw new IllegalArgumentException("A close threshold must not exceed its open threshold");
            }
        }
    }

    /** The defaults of the local run and the tests. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(new Threshold(new BigDecimal("0.5"), new BigDecimal("0.2")),
                new Threshold(new BigDecimal("0.05"), new BigDecimal("0.02")),
                new Threshold(new BigDecimal("1.5"), new BigDecimal("0.7")), Duration.ofSeconds(30),
                Duration.ofMinutes(2), new BigDecimal("0.1"), new BigDecimal("0.3"), new BigDecimal("10000"),
                new BigDecimal("0.05"), Duration.ofMinutes(10));
    }

    /** Net spreads in percent at which a signal opens and below which it closes. */
    public record Threshold(BigDecimal open, BigDecimal close) {
    }
}
