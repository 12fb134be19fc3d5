package io.cryptotracker.market.venue;

import java.util.List;

/** A spot exchange's order-book tops with 24 h quote volume, normalized. */
public interface SpotBookSource {

    String name();

    List<VenueQuoteOf> spotQuotes();
}
