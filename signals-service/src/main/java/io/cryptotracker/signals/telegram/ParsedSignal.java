package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;

import io.cryptotracker.common.events.SignalData;

/**
 * One signal read from a post: its kind, unified symbol, spread in percent and the details of its kind (only
 * what the post says; the rest is null).
 */
public record ParsedSignal(String kind, String symbol, BigDecimal spreadPercent, SignalData.SpotFutures spotFutures,
        SignalData.Funding funding, SignalData.Dex dex) {
}
