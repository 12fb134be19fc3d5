package io.cryptotracker.signals.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalSource;

/**
 * The body of {@code POST /api/v1/signals}: {@code {kind, symbol, spread_percent, net_spread_percent?, spot_futures
 * | funding | dex}} (the details of its kind, any of their fields may be left out).
 */
record ManualSignal(String kind, String symbol, BigDecimal spreadPercent, BigDecimal netSpreadPercent,
        SignalData.SpotFutures spotFutures, SignalData.Funding funding, SignalData.Dex dex) {

    /** The signal to open, or a 400 naming every wrong field. */
    SignalData toSignal() {
        List<FieldError> errors = new ArrayList<>();
        SignalKind signalKind = kind == null ? null : SignalKind.fromApiName(kind).orElse(null);
        if (signalKind == null) {
            errors.add(new FieldError("kind", "must be one of mexc-spot-futures, funding-rate, mexc-dex"));
        }
        String unified = symbol == null ? null : Symbols.normalize(symbol).orElse(null);
        if (unified == null) {
            errors.add(new FieldError("symbol", "must be a symbol such as BTC, BTCUSDT or BTC/USDT"));
        }
        if (spreadPercent == null || spreadPercent.signum() < 0 || spreadPercent.compareTo(BigDecimal.valueOf(10000)) > 0) {
            errors.add(new FieldError("spread_percent", "must be a number from 0 to 10000"));
        }
        if (netSpreadPercent != null && netSpreadPercent.abs().compareTo(BigDecimal.valueOf(10000)) > 0) {
            errors.add(new FieldError("net_spread_percent", "must be a number from -10000 to 10000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SignalData(UUID.randomUUID(), signalKind.apiName(), unified, spreadPercent,
                netSpreadPercent != null ? netSpreadPercent : spreadPercent, null, null, SignalSource.MANUAL.name(),
                null, null, null,
                signalKind == SignalKind.MEXC_SPOT_FUTURES ? orEmpty(spotFutures) : null,
                signalKind == SignalKind.FUNDING_RATE ? orEmpty(funding) : null,
                signalKind == SignalKind.MEXC_DEX ? orEmpty(dex) : null);
    }

    private static SignalData.SpotFutures orEmpty(SignalData.SpotFutures value) {
        return value != null ? value : new SignalData.SpotFutures(null, null, null, null, null, null, null, null, null);
    }

    private static SignalData.Funding orEmpty(SignalData.Funding value) {
        return value != null ? value
                : new SignalData.Funding(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static SignalData.Dex orEmpty(SignalData.Dex value) {
        return value != null ? value
                : new SignalData.Dex(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
