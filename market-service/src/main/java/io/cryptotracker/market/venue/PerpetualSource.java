package io.cryptotracker.market.venue;

import java.util.List;

/** A derivatives exchange's perpetual contracts: prices and funding normalized to per-8h and APR. */
public interface PerpetualSource {

    String name();

    List<VenueQuoteOf> perpetualQuotes();
}
