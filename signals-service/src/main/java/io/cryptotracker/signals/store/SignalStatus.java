package io.cryptotracker.signals.store;

/** {@code OPEN} while the spread lasts, {@code CLOSED} once it has gone. */
public enum SignalStatus {
    OPEN, CLOSED
}
