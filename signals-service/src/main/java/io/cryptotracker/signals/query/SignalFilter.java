package io.cryptotracker.signals.query;

import java.math.BigDecimal;
import java.time.Instant;

import io.cryptotracker.signals.store.SignalKind;

/**
 * What a signal list searches for, checked and in the stored spellings ({@link SignalListQuery} reads it from the
 * query string).
 *
 * @param symbol exact, in the unified spelling
 * @param q the start of a symbol (upper case)
 * @param status {@code OPEN} or {@code CLOSED}
 * @param source {@code DETECTOR}, {@code TELEGRAM} or {@code MANUAL}
 * @param visibleBefore only signals detected at or before this time (the FREE delay), null for all
 */
record SignalFilter(SignalKind kind, String symbol, String q, BigDecimal minSpread, BigDecimal maxSpread,
        String status, String source, Instant from, Instant to, String exchange, String chain,
        BigDecimal minLiquidity, Instant visibleBefore) {
}
