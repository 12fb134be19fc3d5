package io.cryptotracker.market.funding;

import io.cryptotracker.common.events.MarketSnapshot;

/** A perpetual's funding as read this round, with the interval the venue reported for it. */
record FundingReading(FundingKey key, String instrument, MarketSnapshot.Funding funding) {

    int intervalHours() {
        return funding.intervalHours();
    }
}
