package io.cryptotracker.market.venue;

import io.cryptotracker.common.events.MarketSnapshot;

/**
 * One venue's normalized quote of one unified symbol ({@code BTC/USDT}).
 *
 * @param instrument the venue's own name of the market ({@code 1000PEPEUSDT}, {@code PEPE_USDT}), which its
 *        order book is asked by; null where unknown (no book can then be read)
 */
public record VenueQuoteOf(String symbol, String base, String quote, MarketSnapshot.VenueQuote venueQuote,
        String instrument) {

    public VenueQuoteOf(String symbol, String base, String quote, MarketSnapshot.VenueQuote venueQuote) {
        this(symbol, base, quote, venueQuote, null);
    }
}
