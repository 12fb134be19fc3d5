package io.cryptotracker.signals.stats;

/**
 * The signals a statistics question covers, in the stored spellings; null filters are absent.
 *
 * @param kind the API name, e.g. {@code funding-rate}
 * @param symbol the unified symbol, e.g. {@code BTC/USDT}
 * @param source {@code DETECTOR}, {@code TELEGRAM} or {@code MANUAL}
 * @param exchange either leg's exchange, lower case
 * @param fromMicros detected at or after, microseconds since the epoch
 * @param toMicros detected at or before (the FREE delay's cutoff already applied)
 */
public record StatsFilter(String kind, String symbol, String source, String exchange, long fromMicros,
        long toMicros) {
}
