package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How signals are priced for execution (signals-service README, "Executable spread").
 *
 * @param sizesUsdt the position sizes per leg every signal is priced at, smallest first; detectors act on the first
 * @param maxPriceRatio two legs whose prices differ by more than this ratio (higher ÷ lower) make no signal: a ticker
 *        collision, a redenominated contract or a broken feed, not an arbitrage
 * @param bookMaxAge an order book older than this is not used; the leg is priced from its top of book instead
 * @param fundingHolding funding-rate signals: the holding time over which the round trip's cost is spread when their
 *        net spread per 8 h is computed
 * @param gasUsdtByChain the estimated gas of one on-chain swap per chain (lower-case chain id), in USDT
 * @param defaultGasUsdt the gas estimate of a chain not in {@code gasUsdtByChain}
 * @param transferStatusMaxAge MEXC's deposit/withdrawal status older than this counts as unknown
 */
public record ExecutionSettings(List<BigDecimal> sizesUsdt, BigDecimal maxPriceRatio, Duration bookMaxAge,
        Duration fundingHolding, Map<String, BigDecimal> gasUsdtByChain, BigDecimal defaultGasUsdt,
        Duration transferStatusMaxAge) {

    public ExecutionSettings {
        if (sizesUsdt.isEmpty() || sizesUsdt.stream().anyMatch(size -> size.signum() <= 0)) {
            throw new IllegalArgumentException("position sizes must be positive and at least one: " + sizesUsdt);
        }
        sizesUsdt = sizesUsdt.stream().sorted().toList();
        if (maxPriceRatio.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("the price ratio limit must be at least 1: " + maxPriceRatio);
        }
        if (fundingHolding.isZero() || fundingHolding.isNegative()) {
            throw new IllegalArgumentException("the funding holding time must be positive: " + fundingHolding);
        }
        gasUsdtByChain = Map.copyOf(gasUsdtByChain);
    }

    /** The defaults of the local run and the tests. */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(List.of(new BigDecimal("1000"), new BigDecimal("10000"), new BigDecimal("50000")),
                new BigDecimal("1.3"), Duration.ofSeconds(30), Duration.ofHours(24),
                Map.of("ethereum", new BigDecimal("3"), "bsc", new BigDecimal("0.1"), "solana", new BigDecimal("0.01"),
                        "base", new BigDecimal("0.05"), "arbitrum", new BigDecimal("0.1")),
                new BigDecimal("1"), Duration.ofMinutes(10));
    }

    /** The smallest size: the one detectors open, update and close on. */
    public BigDecimal smallestSize() {
        return sizesUsdt.get(0);
    }

    /** The gas estimate of a swap on {@code chain} in USDT. */
    public BigDecimal gasUsdt(String chain) {
        return chain == null ? defaultGasUsdt
                : gasUsdtByChain.getOrDefault(chain.toLowerCase(Locale.ROOT), defaultGasUsdt);
    }
}
