package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;

/** Market snapshots for detector tests, built the way market-service builds them. */
final class Snapshots {

    static final Instant NOW = Instant.parse("2026-11-23T22:15:00Z");

    private Snapshots() {
    }

    static MarketSnapshot.VenueQuote spot(String venue, String bid, String ask, String taker, Instant at) {
        return new MarketSnapshot.VenueQuote(venue, "spot", d(bid), d(ask), d("1000"), d("1000"), d(bid), null,
                null, d("1500000"), d(taker), null, at);
    }

    static MarketSnapshot.VenueQuote perp(String venue, String bid, String ask, String mark, String taker,
            String ratePer8h, int intervalHours, Instant at) {
        BigDecimal per8h = d(ratePer8h);
        MarketSnapshot.Funding funding = per8h == null ? null
                : new MarketSnapshot.Funding(per8h.multiply(BigDecimal.valueOf(intervalHours))
                        .divide(BigDecimal.valueOf(8)), intervalHours, per8h,
                        per8h.multiply(BigDecimal.valueOf(109500)), Instant.parse("2026-11-24T00:00:00Z"));
        return new MarketSnapshot.VenueQuote(venue, "perp", d(bid), d(ask), d("10"), d("10"), d(mark), d(mark), null,
                d("4000000"), d(taker), funding, at);
    }

    static MarketSnapshot snapshot(String symbol, List<MarketSnapshot.VenueQuote> quotes,
            List<MarketSnapshot.DexPool> pools, List<MarketSnapshot.NetworkStatus> networks) {
        String[] parts = symbol.split("/");
        return MarketSnapshot.of(symbol, parts[0], parts[1], quotes, pools, networks);
    }

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
