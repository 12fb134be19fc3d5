package io.cryptotracker.signals.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cryptotracker.common.events.SignalData;

/** {@code GET /api/v1/signals/{id}}: the signal as the lists show it, plus its history oldest first. */
record SignalView(@JsonUnwrapped SignalData signal, List<Change> history) {

    /** One change: its position in the signal stream, what happened and the spreads after it. */
    record Change(long seq, String change, Instant changedAt, BigDecimal spreadPercent,
            BigDecimal netSpreadPercent) {
    }
}
