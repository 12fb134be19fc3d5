package io.cryptotracker.market.snapshot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.MarketSnapshot;

/**
 * Which order books are worth a request this round: the legs of the symbols whose top-of-book gross spread is at or
 * above the candidate level – MEXC spot against a perpetual of the same venue, perpetuals of two venues (by price,
 * and by funding rate per 8 h), MEXC spot against a matched DEX pool (only the MEXC leg has a book) – ordered by
 * how far past its level the spread is ({@code spread / level}, so a price spread and a funding spread compare).
 * Everything else gets no book. Prices of a leg without book tops (Binance's mark price) stand in for bid and ask.
 */
final class DepthCandidates {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final BigDecimal spreadLevel;
    private final BigDecimal fundingLevel;

    DepthCandidates(BigDecimal spreadLevelPercent, BigDecimal fundingLevelPercent) {
        this.spreadLevel = spreadLevelPercent;
        this.fundingLevel = fundingLevelPercent;
    }

    /** One book to read: a venue's market of a symbol, and how far past its candidate level the best spread is. */
    record Leg(String symbol, String venue, String market, BigDecimal score) {
    }

    /** The legs to read, most promising first; a leg in several spreads appears once with its best score. */
    List<Leg> legs(List<MarketSnapshot> snapshots) {
        List<Leg> legs = new ArrayList<>();
        for (MarketSnapshot snapshot : snapshots) {
            Map<String, Leg> best = new LinkedHashMap<>();
            List<MarketSnapshot.VenueQuote> quotes = snapshot.quotes();
            for (int i = 0; i < quotes.size(); i++) {
                for (int j = i + 1; j < quotes.size(); j++) {
                    pair(snapshot.symbol(), quotes.get(i), quotes.get(j), best);
                }
                MarketSnapshot.VenueQuote quote = quotes.get(i);
                if ("mexc".equals(quote.venue()) && "spot".equals(quote.market())) {
                    for (MarketSnapshot.DexPool pool : snapshot.dexPools()) {
                        BigDecimal spread = priceSpread(quote.bid(), quote.ask(), pool.priceUsd(), pool.priceUsd());
                        keep(best, snapshot.symbol(), quote, ratio(spread, spreadLevel));
                    }
                }
            }
            legs.addAll(best.values());
        }
        legs.sort(Comparator.comparing(Leg::score).reversed().thenComparing(Leg::symbol).thenComparing(Leg::venue)
                .thenComparing(Leg::market));
        return legs;
    }

    private void pair(String symbol, MarketSnapshot.VenueQuote a, MarketSnapshot.VenueQuote b, Map<String, Leg> best) {
        boolean spotAndPerp = a.venue().equals(b.venue()) && !a.market().equals(b.market());
        boolean twoPerps = !a.venue().equals(b.venue()) && "perp".equals(a.market()) && "perp".equals(b.market());
        if (!spotAndPerp && !twoPerps) {
            return;
        }
        BigDecimal score = ratio(priceSpread(bid(a), ask(a), bid(b), ask(b)), spreadLevel);
        if (twoPerps && a.funding() != null && b.funding() != null && a.funding().ratePer8h() != null
                && b.funding().ratePer8h() != null) {
            BigDecimal funding = a.funding().ratePer8h().subtract(b.funding().ratePer8h()).abs().multiply(HUNDRED);
            BigDecimal fundingScore = ratio(funding, fundingLevel);
            if (fundingScore != null && (score == null || fundingScore.compareTo(score) > 0)) {
                score = fundingScore;
            }
        }
        keep(best, symbol, a, score);
        keep(best, symbol, b, score);
    }

    /** The better of buying at one ask and selling at the other bid, in percent of the buy price. */
    static BigDecimal priceSpread(BigDecimal bidA, BigDecimal askA, BigDecimal bidB, BigDecimal askB) {
        BigDecimal best = null;
        if (bidB != null && askA != null && askA.signum() > 0) {
            best = bidB.subtract(askA).divide(askA, MATH).multiply(HUNDRED);
        }
        if (bidA != null && askB != null && askB.signum() > 0) {
            BigDecimal other = bidA.subtract(askB).divide(askB, MATH).multiply(HUNDRED);
            best = best == null || other.compareTo(best) > 0 ? other : best;
        }
        return best;
    }

    /** {@code spread / level} when the spread reaches the level, else null. */
    private static BigDecimal ratio(BigDecimal spread, BigDecimal level) {
        return spread == null || spread.compareTo(level) < 0 ? null : spread.divide(level, MATH);
    }

    private static void keep(Map<String, Leg> best, String symbol, MarketSnapshot.VenueQuote quote,
            BigDecimal score) {
        if (score == null) {
            return;
        }
        best.merge(quote.venue() + ":" + quote.market(), new Leg(symbol, quote.venue(), quote.market(), score),
                (was, now) -> now.score().compareTo(was.score()) > 0 ? now : was);
    }

    private static BigDecimal bid(MarketSnapshot.VenueQuote quote) {
        return quote.bid() != null ? quote.bid() : quote.markPrice();
    }

    private static BigDecimal ask(MarketSnapshot.VenueQuote quote) {
        return quote.ask() != null ? quote.ask() : quote.markPrice();
    }
}
