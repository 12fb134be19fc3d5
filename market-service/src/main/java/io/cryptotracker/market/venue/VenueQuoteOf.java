package io.cryptotracker.market.venue;

import io.cryptotracker.common.events.MarketSnapshot;

/** One venue's normalized quote of one unified symbol ({@code BTC/USDT}). */
public record VenueQuoteOf(String symbol, String base, String quote, MarketSnapshot.VenueQuote venueQuote) {
}
