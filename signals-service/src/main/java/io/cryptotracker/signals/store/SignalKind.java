package io.cryptotracker.signals.store;

import java.util.Arrays;
import java.util.Optional;

import io.cryptotracker.common.events.SignalData;

/** The three kinds of signal, by their API name, each with its own table. */
public enum SignalKind {

    MEXC_SPOT_FUTURES(SignalData.MEXC_SPOT_FUTURES, "signal_mexc_spot_futures"),
    FUNDING_RATE(SignalData.FUNDING_RATE, "signal_funding_rate"),
    MEXC_DEX(SignalData.MEXC_DEX, "signal_mexc_dex");

    private final String apiName;
    private final String table;

    SignalKind(String apiName, String table) {
        this.apiName = apiName;
        this.table = table;
    }

    public String apiName() {
        return apiName;
    }

    /** The kind's own table. */
    public String table() {
        return table;
    }

    public static Optional<SignalKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.apiName.equals(name)).findFirst();
    }

    public static SignalKind of(SignalData signal) {
        return fromApiName(signal.kind())
                .orElseThrow(() -> new IllegalArgumentException("Unknown signal kind " + signal.kind()));
    }
}
