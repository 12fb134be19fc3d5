package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.store.SignalKind;

/**
 * MEXC spot against MEXC perpetual: buy spot at its ask and short the perp at its bid, or the reverse (sell spot
 * at its bid, long the perp at its ask), whichever earns more; net of both venues' taker fees. Stale quotes make a
 * candidate too: the pricer flags the leg, and a stale candidate only marks an open signal (SignalDetection).
 */
public final class SpotFuturesDetector {

    /** The venue key of every spot–futures candidate: one route per symbol. */
    public static final String VENUES = "mexc:spot|mexc:perp";

    private final DetectionSettings settings;

    public SpotFuturesDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    public List<Candidate> detect(MarketSnapshot snapshot, Instant now) {
        Optional<MarketSnapshot.VenueQuote> spot = quote(snapshot, "spot", now);
        Optional<MarketSnapshot.VenueQuote> perp = quote(snapshot, "perp", now);
        if (spot.isEmpty() || perp.isEmpty()) {
            return List.of();
        }
        MarketSnapshot.VenueQuote s = spot.get();
        MarketSnapshot.VenueQuote p = perp.get();
        BigDecimal buySpotShortPerp = SpreadMath.grossPercent(s.ask(), p.bid());
        BigDecimal sellSpotLongPerp = SpreadMath.grossPercent(p.ask(), s.bid());
        boolean buySpot = buySpotShortPerp.compareTo(sellSpotLongPerp) >= 0;
        BigDecimal gross = buySpot ? buySpotShortPerp : sellSpotLongPerp;
        BigDecimal net = SpreadMath.netPercent(gross, s.takerFeeRate(), p.takerFeeRate());
        MarketSnapshot.Funding funding = p.funding();
        SignalData.SpotFutures details = new SignalData.SpotFutures(s.bid(), s.ask(), p.bid(), p.ask(),
                buySpot ? "BUY_SPOT_SHORT_PERP" : "SELL_SPOT_LONG_PERP", funding == null ? null : funding.rate(),
                funding == null ? null : funding.nextFundingTime(), s.volume24hQuote(), p.volume24hQuote());
        return List.of(new Candidate(SignalKind.MEXC_SPOT_FUTURES, snapshot.symbol(), VENUES, gross, net, details,
                null, null));
    }

    private Optional<MarketSnapshot.VenueQuote> quote(MarketSnapshot snapshot, String market, Instant now) {
        return snapshot.quotes().stream()
                .filter(quote -> "mexc".equals(quote.venue()) && market.equals(quote.market()))
                .filter(Quotes::priced).findFirst();
    }
}
