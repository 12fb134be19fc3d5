package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.store.SignalKind;

/**
 * Funding rates of one coin's perpetuals on different venues, compared per 8 h (venues settle every 1, 4 or 8 h):
 * long where the rate is lower, short where it is higher; the spread is the rate difference in percent per 8 h,
 * net of one taker fill on each venue. A single venue whose rate is extreme is a signal of its own (long when the
 * rate is negative, short when positive), net of its taker fee. Stale quotes make candidates too: the pricer flags
 * the leg, and a stale candidate only marks an open signal (SignalDetection).
 */
public final class FundingRateDetector {

    private final DetectionSettings settings;

    public FundingRateDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    public List<Candidate> detect(MarketSnapshot snapshot, Instant now) {
        List<MarketSnapshot.VenueQuote> perps = snapshot.quotes().stream()
                .filter(quote -> "perp".equals(quote.market()) && quote.funding() != null
                        && quote.funding().ratePer8h() != null)
                .sorted(Comparator.comparing(MarketSnapshot.VenueQuote::venue)).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < perps.size(); i++) {
            for (int j = i + 1; j < perps.size(); j++) {
                if (!perps.get(i).venue().equals(perps.get(j).venue())) {
                    candidates.add(pair(snapshot.symbol(), perps.get(i), perps.get(j)));
                }
            }
        }
        for (MarketSnapshot.VenueQuote perp : perps) {
            BigDecimal ratePercent = SpreadMath.percent(perp.funding().ratePer8h()).abs();
            if (ratePercent.compareTo(settings.extremeFundingPer8hPercent()) >= 0) {
                candidates.add(extreme(snapshot.symbol(), perp, ratePercent));
            }
        }
        return candidates;
    }

    private static Candidate pair(String symbol, MarketSnapshot.VenueQuote a, MarketSnapshot.VenueQuote b) {
        boolean aIsLow = a.funding().ratePer8h().compareTo(b.funding().ratePer8h()) <= 0;
        MarketSnapshot.VenueQuote low = aIsLow ? a : b;
        MarketSnapshot.VenueQuote high = aIsLow ? b : a;
        BigDecimal gross = SpreadMath.percent(high.funding().ratePer8h().subtract(low.funding().ratePer8h()));
        BigDecimal net = SpreadMath.netPercent(gross, low.takerFeeRate(), high.takerFeeRate());
        BigDecimal lowPrice = price(low);
        BigDecimal highPrice = price(high);
        BigDecimal priceSpread = lowPrice == null || highPrice == null || lowPrice.signum() <= 0 ? null
                : SpreadMath.grossPercent(lowPrice, highPrice);
        SignalData.Funding details = new SignalData.Funding(low.venue(), high.venue(), low.funding().ratePer8h(),
                high.funding().ratePer8h(), low.funding().aprPercent(), high.funding().aprPercent(),
                low.funding().intervalHours(), high.funding().intervalHours(), low.funding().nextFundingTime(),
                high.funding().nextFundingTime(), lowPrice, highPrice, priceSpread);
        return new Candidate(SignalKind.FUNDING_RATE, symbol, pairKey(a.venue(), b.venue()), gross, net, null,
                details, null);
    }

    /** The venue key of a pair of perpetuals: venues in name order, so it stays when the rates swap sides. */
    public static String pairKey(String venue, String other) {
        return venue.compareTo(other) <= 0 ? venue + "|" + other : other + "|" + venue;
    }

    /** The venue key of one venue's extreme rate. */
    public static String extremeKey(String venue) {
        return "extreme:" + venue;
    }

    private static Candidate extreme(String symbol, MarketSnapshot.VenueQuote perp, BigDecimal ratePercent) {
        MarketSnapshot.Funding f = perp.funding();
        BigDecimal net = SpreadMath.netPercent(ratePercent, perp.takerFeeRate());
        boolean longSide = f.ratePer8h().signum() < 0;
        SignalData.Funding details = longSide
                ? new SignalData.Funding(perp.venue(), null, f.ratePer8h(), null, f.aprPercent(), null,
                        f.intervalHours(), null, f.nextFundingTime(), null, price(perp), null, null)
                : new SignalData.Funding(null, perp.venue(), null, f.ratePer8h(), null, f.aprPercent(), null,
                        f.intervalHours(), null, f.nextFundingTime(), null, price(perp), null);
        return new Candidate(SignalKind.FUNDING_RATE, symbol, extremeKey(perp.venue()), ratePercent, net, null,
                details, null);
    }

    private static BigDecimal price(MarketSnapshot.VenueQuote quote) {
        if (quote.markPrice() != null) {
            return quote.markPrice();
        }
        return quote.lastPrice();
    }
}
