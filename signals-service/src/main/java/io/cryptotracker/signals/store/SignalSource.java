package io.cryptotracker.signals.store;

/** Where a signal came from. */
public enum SignalSource {
    DETECTOR, TELEGRAM, MANUAL
}
