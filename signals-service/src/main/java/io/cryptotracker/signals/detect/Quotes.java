package io.cryptotracker.signals.detect;

import java.time.Duration;
import java.time.Instant;

import io.cryptotracker.common.events.MarketSnapshot;

/** Which quotes of a snapshot are fresh and complete enough to trade on. */
final class Quotes {

    private Quotes() {
    }

    static boolean fresh(Instant quotedAt, Instant now, Duration maxAge) {
        return quotedAt != null && !quotedAt.isBefore(now.minus(maxAge)) && !quotedAt.isAfter(now.plus(maxAge));
    }

    /** Fresh, with a positive bid and ask. */
    static boolean tradable(MarketSnapshot.VenueQuote quote, Instant now, Duration maxAge) {
        return fresh(quote.quotedAt(), now, maxAge) && priced(quote);
    }

    /** With a positive bid and ask, however old. */
    static boolean priced(MarketSnapshot.VenueQuote quote) {
        return quote.bid() != null && quote.ask() != null && quote.bid().signum() > 0 && quote.ask().signum() > 0;
    }
}
