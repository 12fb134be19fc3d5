package io.cryptotracker.signals.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.Symbol;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalSource;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/v1/signals}: {@code {kind, symbol, spread_percent, net_spread_percent?, spot_futures
 * | funding | dex}} (the details of its kind, any of their fields may be left out).
 */
record ManualSignal(
        @Schema(allowableValues = { "mexc-spot-futures", "funding-rate", "mexc-dex" })
        @NotNull(message = KIND) @Pattern(regexp = "mexc-spot-futures|funding-rate|mexc-dex", message = KIND) String kind,
        @NotNull(message = SYMBOL) @Symbol(message = SYMBOL) String symbol,
        @NotNull(message = SPREAD) @DecimalMin(value = "0", message = SPREAD)
        @DecimalMax(value = "10000", message = SPREAD) BigDecimal spreadPercent,
        @Schema(nullable = true, description = "spread_percent when absent")
        @DecimalMin(value = "-10000", message = NET_SPREAD) @DecimalMax(value = "10000", message = NET_SPREAD)
        BigDecimal netSpreadPercent,
        @Schema(nullable = true) SignalData.SpotFutures spotFutures, @Schema(nullable = true) SignalData.Funding funding,
        @Schema(nullable = true) SignalData.Dex dex) {

    static final String KIND = "must be one of mexc-spot-futures, funding-rate, mexc-dex";
    static final String SYMBOL = "must be a symbol such as BTC, BTCUSDT or BTC/USDT";
    static final String SPREAD = "must be a number from 0 to 10000";
    static final String NET_SPREAD = "must be a number from -10000 to 10000";

    /** The signal to open (the body passed Bean Validation), or a 400 naming each detail that cannot be stored. */
    SignalData toSignal() {
        SignalKind signalKind = SignalKind.fromApiName(kind).orElseThrow();
        List<FieldError> errors = switch (signalKind) {
            case MEXC_SPOT_FUTURES -> StorableDetails.errors("spot_futures", spotFutures);
            case FUNDING_RATE -> StorableDetails.errors("funding", funding);
            case MEXC_DEX -> StorableDetails.errors("dex", dex);
        };
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SignalData(UUID.randomUUID(), signalKind.apiName(), Symbols.normalize(symbol).orElseThrow(),
                spreadPercent, netSpreadPercent != null ? netSpreadPercent : spreadPercent, null, null,
                SignalSource.MANUAL.name(), null, null, null,
                signalKind == SignalKind.MEXC_SPOT_FUTURES ? orEmpty(spotFutures) : null,
                signalKind == SignalKind.FUNDING_RATE ? orEmpty(funding) : null,
                signalKind == SignalKind.MEXC_DEX ? orEmpty(dex) : null, null);
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
