package io.cryptotracker.signals.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cryptotracker.common.events.SignalData;

/**
 * {@code GET /api/v1/signals/{id}/quote}: the signal's route priced at one size from the latest market, with the
 * field names of {@link SignalData.Execution} ({@code sizes} is the one {@code quote} here).
 *
 * @param quote the round trip at {@code sizeUsdt}; its {@code refusal} says why when the books cannot fill it
 * @param maxSizeUsdt the largest size whose net still reaches the open threshold; null when none does or the depth
 *        is unknown
 * @param transfer MEXC↔DEX only
 */
record SignalQuote(UUID signalId, String kind, String symbol, String status, BigDecimal sizeUsdt, String basis,
        Instant pricedAt, List<SignalData.Leg> legs, SignalData.SizeQuote quote, BigDecimal maxSizeUsdt,
        @JsonInclude(JsonInclude.Include.NON_NULL) SignalData.Transfer transfer, boolean alertable,
        List<String> flags) {

    static SignalQuote of(SignalData signal, BigDecimal size, SignalData.Execution execution) {
        return new SignalQuote(signal.id(), signal.kind(), signal.symbol(), signal.status(), size,
                execution.basis(), execution.pricedAt(), execution.legs(), execution.sizes().get(0),
                execution.maxSizeUsdt(), execution.transfer(), execution.alertable(), execution.flags());
    }
}
