package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.DetectionSettings;

/**
 * Prices a MEXC↔DEX signal for execution: MEXC's spot book, the pool's price impact from its liquidity, MEXC's
 * withdrawal fee of the network, the pool's swap fee and the chain's gas, and the transfer route's state.
 */
public class DexRoute {

    private final ExecutionSettings settings;
    private final DetectionSettings detection;

    public DexRoute(ExecutionSettings settings, DetectionSettings detection) {
        this.settings = settings;
        this.detection = detection;
    }

    /**
     * The execution block of {@code signal} (a {@code mexc-dex} one) at {@code sizesUsdt} against {@code market}, its
     * largest size measured against {@code openThresholdPercent}; empty when the market lacks one of its legs.
     */
    public Optional<SignalData.Execution> price(SignalData signal, MarketSnapshot market, List<BigDecimal> sizesUsdt,
            BigDecimal openThresholdPercent, Instant now) {
        return Optional.empty();
    }
}
