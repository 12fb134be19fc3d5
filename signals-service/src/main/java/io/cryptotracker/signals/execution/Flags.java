package io.cryptotracker.signals.execution;

/** The {@code flags} of {@link io.cryptotracker.common.events.SignalData.Execution}. */
public final class Flags {

    /** No order book was read for a leg: priced at the best prices, depth unknown. */
    public static final String TOP_OF_BOOK = "TOP_OF_BOOK";
    /** The smallest size does not fill on a side needed for entry or exit. */
    public static final String TOO_THIN = "TOO_THIN";
    /** A leg's quote is older than the stale limit: the signal is not alerted, and not opened or moved. */
    public static final String STALE_LEG = "STALE_LEG";
    /** MEXC↔DEX: the transfer direction the route needs is closed. */
    public static final String TRANSFER_CLOSED = "TRANSFER_CLOSED";
    /** MEXC↔DEX: the state of the transfer direction the route needs is unknown or too old. */
    public static final String TRANSFER_UNKNOWN = "TRANSFER_UNKNOWN";

    private Flags() {
    }
}
