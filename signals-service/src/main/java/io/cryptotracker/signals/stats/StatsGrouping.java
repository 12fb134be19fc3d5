package io.cryptotracker.signals.stats;

/** What the statistics are grouped by: the symbol, the route (bought venue → sold venue) or the source. */
public enum StatsGrouping {
    SYMBOL, ROUTE, SOURCE;

    /** As the API spells it. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
