package io.cryptotracker.signals.detect;

import java.math.BigDecimal;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.store.SignalKind;

/**
 * A spread a detector measured in one snapshot, whether or not it is worth a signal.
 *
 * @param venueKey the venues it is between; one OPEN signal per kind, symbol and venue key
 */
public record Candidate(SignalKind kind, String symbol, String venueKey, BigDecimal spreadPercent,
        BigDecimal netSpreadPercent, SignalData.SpotFutures spotFutures, SignalData.Funding funding,
        SignalData.Dex dex) {
}
