package io.cryptotracker.signals.execution;

/** Why a round trip could not be priced: data problems are answers, not exceptions. */
public enum Refusal {
    /** A side needed for entry or exit has no levels. */
    NO_LIQUIDITY,
    /** A book's best bid is at or above its best ask: broken or out-of-order data. */
    CROSSED_BOOK,
    /** The two legs' mid prices differ by more than the allowed ratio (a ticker collision, a redenominated contract). */
    PRICE_MISMATCH,
    /** A side needed for entry or exit cannot fill the size. */
    TOO_THIN
}
