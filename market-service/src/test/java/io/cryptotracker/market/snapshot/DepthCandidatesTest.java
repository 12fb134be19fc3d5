package io.cryptotracker.market.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;
import org.junit.jupiter.api.Test;

/** Which legs get a book: only those in a spread at or above the candidate level, widest (relative) first. */
class DepthCandidatesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T19:00:00Z");

    private final DepthCandidates candidates = new DepthCandidates(new BigDecimal("0.3"), new BigDecimal("0.03"));

    @Test
    void aSpotPerpSpreadAtTheLevelMakesBothMexcLegsCandidatesAndANarrowerOneNothing() {
        MarketSnapshot at = snapshot("AT/USDT", spot("1.0000", "1.0001"), perp("mexc", "1.0032", "1.0033", "0"));
        MarketSnapshot below = snapshot("BELOW/USDT", spot("1.0000", "1.0001"), perp("mexc", "1.0030", "1.0031",
                "0"));

        List<DepthCandidates.Leg> legs = candidates.legs(List.of(at, below));

        assertThat(legs).extracting(leg -> leg.symbol() + " " + leg.venue() + ":" + leg.market())
                .containsExactly("AT/USDT mexc:perp", "AT/USDT mexc:spot");
        assertThat(legs.get(0).score()).isGreaterThanOrEqualTo(BigDecimal.ONE);
    }

    @Test
    void theReverseDirectionCountsToo() {
        MarketSnapshot perpBelowSpot = snapshot("WIF/USDT", spot("3.40966", "3.41034"),
                perp("mexc", "3.36789", "3.36823", "0"));

        assertThat(candidates.legs(List.of(perpBelowSpot))).hasSize(2);
    }

    @Test
    void perpetualsOfTwoVenuesAreCandidatesByPriceOrByFundingAndBinanceIsPricedByItsMark() {
        MarketSnapshot byFunding = snapshot("FUND/USDT", perp("binance", null, null, "0.0001"),
                perp("bybit", "1.0000", "1.0001", "0.0005"));
        MarketSnapshot byPrice = snapshot("PRICE/USDT", markOnly("binance", "1.0000"),
                perp("bybit", "1.0050", "1.0051", "0.0001"));
        MarketSnapshot neither = snapshot("CALM/USDT", markOnly("binance", "1.0000"),
                perp("bybit", "1.0000", "1.0001", "0.0001"));

        List<DepthCandidates.Leg> legs = candidates.legs(List.of(neither, byPrice, byFunding));

        assertThat(legs).extracting(leg -> leg.symbol() + " " + leg.venue())
                .as("funding 0.04 %/8h is 1.33× its level, price 0.5 % is 1.67× its level")
                .containsExactly("PRICE/USDT binance", "PRICE/USDT bybit", "FUND/USDT binance", "FUND/USDT bybit");
    }

    @Test
    void aDexPoolAwayFromMexcSpotMakesOnlyTheMexcSpotLegACandidate() {
        MarketSnapshot.DexPool pool = new MarketSnapshot.DexPool("ethereum", "uniswap", "0xpair", "0xtoken",
                new BigDecimal("1.0150"), new BigDecimal("500000"), null, NOW);
        MarketSnapshot withPool = new MarketSnapshot(java.util.UUID.randomUUID(), MarketSnapshot.TYPE, 1, NOW,
                "PEPE/USDT", "PEPE", "USDT", List.of(spot("1.0000", "1.0001"), perp("mexc", "1.0000", "1.0001", "0")),
                List.of(pool), List.of(), List.of());

        assertThat(candidates.legs(List.of(withPool))).extracting(leg -> leg.venue() + ":" + leg.market())
                .containsExactly("mexc:spot");
    }

    private static MarketSnapshot snapshot(String symbol, MarketSnapshot.VenueQuote... quotes) {
        return MarketSnapshot.of(symbol, symbol.split("/")[0], "USDT", List.of(quotes), List.of(), List.of());
    }

    private static MarketSnapshot.VenueQuote spot(String bid, String ask) {
        return new MarketSnapshot.VenueQuote("mexc", "spot", new BigDecimal(bid), new BigDecimal(ask), null, null,
                null, null, null, null, null, null, NOW);
    }

    private static MarketSnapshot.VenueQuote perp(String venue, String bid, String ask, String ratePer8h) {
        return new MarketSnapshot.VenueQuote(venue, "perp", bid == null ? null : new BigDecimal(bid),
                ask == null ? null : new BigDecimal(ask), null, null, null, bid == null ? BigDecimal.ONE : null, null,
                null, null, new MarketSnapshot.Funding(new BigDecimal(ratePer8h), 8, new BigDecimal(ratePer8h), null,
                        null), NOW);
    }

    private static MarketSnapshot.VenueQuote markOnly(String venue, String mark) {
        return new MarketSnapshot.VenueQuote(venue, "perp", null, null, null, null, null, new BigDecimal(mark), null,
                null, null, new MarketSnapshot.Funding(new BigDecimal("0.0001"), 8, new BigDecimal("0.0001"), null,
                        null), NOW);
    }
}
