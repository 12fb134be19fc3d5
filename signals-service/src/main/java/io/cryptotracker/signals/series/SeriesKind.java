package io.cryptotracker.signals.series;

import java.util.Arrays;

import io.cryptotracker.signals.store.SignalKind;

/** The small code a kind is stored under in {@code spread_series} (two bytes instead of its name, on every row). */
enum SeriesKind {

    MEXC_SPOT_FUTURES(SignalKind.MEXC_SPOT_FUTURES, 1),
    FUNDING_RATE(SignalKind.FUNDING_RATE, 2),
    MEXC_DEX(SignalKind.MEXC_DEX, 3);

    private final SignalKind kind;
    private final short code;

    SeriesKind(SignalKind kind, int code) {
        this.kind = kind;
        this.code = (short) code;
    }

    static short codeOf(SignalKind kind) {
        return Arrays.stream(values()).filter(value -> value.kind == kind).findFirst().orElseThrow().code;
    }

    static SignalKind kindOf(short code) {
        return Arrays.stream(values()).filter(value -> value.code == code).findFirst().orElseThrow().kind;
    }
}
