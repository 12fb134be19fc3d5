package io.cryptotracker.market.venue;

import io.cryptotracker.common.events.MarketSnapshot;

/**
 * One venue's normalized quote of one unified symbol ({@code BTC/USDT}).
 *
 * @param instrument the venue's own name of the market ({@code 1000PEPEUSDT}, {@code PEPE_USDT}), which its
 *        order book is asked by; null where unknown (no book can then be read)
 * @param fundingIntervalReported whether the funding's {@code interval_hours} is what the venue says for this
 *        contract, rather than the 8 h an adapter assumes when the venue's interval list could not be read or does
 *        not name the contract; only a reported interval can announce an interval change
 */
public record VenueQuoteOf(String symbol, String base, String quote, MarketSnapshot.VenueQuote venueQuote,
        String instrument, boolean fundingIntervalReported) {

    public VenueQuoteOf(String symbol, String base, String quote, MarketSnapshot.VenueQuote venueQuote) {
        this(symbol, base, quote, venueQuote, null, false);
    }

    public VenueQuoteOf(String symbol, String base, String quote, MarketSnapshot.VenueQuote venueQuote,
            String instrument) {
        this(symbol, base, quote, venueQuote, instrument, false);
    }
}
