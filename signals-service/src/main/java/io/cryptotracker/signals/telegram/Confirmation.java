package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;

/**
 * What our own feed says of a Telegram signal's spread. The rule, with the spreads in the same unit (percent; funding
 * rates per 8 h, as the post parser and the funding detector both state them):
 * <ol>
 * <li>no bucket of our series for the symbol and kind in the window: {@code NO_MARKET_DATA};</li>
 * <li>our highest gross spread in the window at least the channel's spread × (1 − tolerance): {@code CONFIRMED};</li>
 * <li>otherwise {@code NOT_REPRODUCIBLE}.</li>
 * </ol>
 *
 * @param ourSpreadPercent our highest gross spread in the window, null without data
 */
public record Confirmation(Status status, BigDecimal channelSpreadPercent, BigDecimal ourSpreadPercent) {

    /** The three verdicts, stored by name in {@code signal_outcomes.confirmation}. */
    public enum Status {
        CONFIRMED, NOT_REPRODUCIBLE, NO_MARKET_DATA
    }

    /**
     * @param buckets how many buckets of our series the window holds
     * @param ourMaxGross their highest gross spread (null when none)
     * @param tolerance the share of the channel's spread ours may fall short by (0..1)
     */
    public static Confirmation judge(BigDecimal channelSpreadPercent, long buckets, BigDecimal ourMaxGross,
            BigDecimal tolerance) {
        if (buckets == 0 || ourMaxGross == null) {
            return new Confirmation(Status.NO_MARKET_DATA, channelSpreadPercent, null);
        }
        BigDecimal claimed = channelSpreadPercent == null ? BigDecimal.ZERO : channelSpreadPercent.abs();
        BigDecimal needed = claimed.multiply(BigDecimal.ONE.subtract(tolerance));
        Status status = ourMaxGross.compareTo(needed) >= 0 ? Status.CONFIRMED : Status.NOT_REPRODUCIBLE;
        return new Confirmation(status, channelSpreadPercent, ourMaxGross);
    }
}
