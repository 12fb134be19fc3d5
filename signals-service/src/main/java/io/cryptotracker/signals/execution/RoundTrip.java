package io.cryptotracker.signals.execution;

import java.math.BigDecimal;

/**
 * The cost breakdown of a two-leg position at one size, in percent of the size, so a client can show
 * top of book → gross → fees → depth → net.
 *
 * <p>{@code netPercent = grossPercent − feesPercent − exitDepthPercent}, and equally
 * {@code topOfBookPercent − feesPercent − depthPercent}: the entry's depth is already inside the gross from the
 * average fills.
 *
 * @param sizeUsdt the notional of each leg, in USDT
 * @param entryLong buying the long leg on its asks
 * @param entryShort selling the short leg into its bids
 * @param exitLong selling the long leg into its bids now (what closing now would cost)
 * @param exitShort buying the short leg back on its asks now
 * @param topOfBookPercent the entry spread between the best prices, as detectors compute it today
 * @param grossPercent the entry spread between the average fill prices, in percent of the long leg's average
 * @param feesPercent taker fees of both legs for entry and exit: {@code 2 × (longFee + shortFee) × 100}
 * @param entryDepthPercent {@code topOfBookPercent − grossPercent}: what walking the book costs on entry
 * @param exitDepthPercent what the exit fills lose against the exit sides' best prices, both legs
 * @param depthPercent entry plus exit depth
 * @param netPercent what is left after fees and depth
 * @param roundTripCostUsdt fees and depth of entry and exit in USDT: {@code size × (fees + depth) / 100}
 */
public record RoundTrip(BigDecimal sizeUsdt, Fill entryLong, Fill entryShort, Fill exitLong, Fill exitShort,
        BigDecimal topOfBookPercent, BigDecimal grossPercent, BigDecimal feesPercent, BigDecimal entryDepthPercent,
        BigDecimal exitDepthPercent, BigDecimal depthPercent, BigDecimal netPercent, BigDecimal roundTripCostUsdt) {
}
