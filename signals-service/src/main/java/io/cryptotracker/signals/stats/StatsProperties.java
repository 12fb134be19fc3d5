package io.cryptotracker.signals.stats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statistics' settings ({@code signals.stats.*}).
 *
 * @param defaultWindow a question without {@code from} covers this long before {@code to}
 * @param refreshInterval how often the index reads the rows changed since its last read
 * @param refreshOverlap each read goes this far before the newest {@code updated_at} seen, for rows committed late
 *        (their {@code updated_at} is their transaction's start)
 * @param rebuildInterval how often the index is read whole again (rows deleted since are dropped then)
 */
@ConfigurationProperties("signals.stats")
record StatsProperties(@DefaultValue("30d") Duration defaultWindow, @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("2m") Duration refreshOverlap, @DefaultValue("6h") Duration rebuildInterval) {
}
