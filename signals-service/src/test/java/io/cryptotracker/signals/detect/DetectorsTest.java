package io.cryptotracker.signals.detect;

import static io.cryptotracker.signals.detect.Snapshots.NOW;
import static io.cryptotracker.signals.detect.Snapshots.d;
import static io.cryptotracker.signals.detect.Snapshots.perp;
import static io.cryptotracker.signals.detect.Snapshots.snapshot;
import static io.cryptotracker.signals.detect.Snapshots.spot;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.signals.store.SignalKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The three detectors on hand-made snapshots, with spreads worked out exactly. */
class DetectorsTest {

    static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    @Nested
    class SpotFutures {

        final SpotFuturesDetector detector = new SpotFuturesDetector(SETTINGS);

        @Test
        void buySpotAtTheAskShortThePerpAtTheBidNetOfBothTakerFees() {
            List<Candidate> found = detector.detect(snapshot("ABC/USDT", List.of(
                    spot("mexc", "100.0", "100.1", "0.0005", NOW.minusSeconds(2)),
                    perp("mexc", "101.2", "101.3", "101.25", "0.0002", "0.0001", 8, NOW.minusSeconds(1))), List.of(),
                    List.of()), NOW);

            assertThat(found).singleElement().satisfies(candidate -> {
                assertThat(candidate.kind()).isEqualTo(SignalKind.MEXC_SPOT_FUTURES);
                assertThat(candidate.venueKey()).isEqualTo("mexc:spot|mexc:perp");
                // (101.2 - 100.1) / 100.1 = 1.0989010989…%, less 0.05% and 0.02%
                assertThat(candidate.spreadPercent()).isEqualByComparingTo("1.098901");
                assertThat(candidate.netSpreadPercent()).isEqualByComparingTo("1.028901");
                assertThat(candidate.spotFutures().direction()).isEqualTo("BUY_SPOT_SHORT_PERP");
                assertThat(candidate.spotFutures().fundingRate()).isEqualByComparingTo("0.0001");
                assertThat(candidate.spotFutures().spotVolume24h()).isEqualByComparingTo("1500000");
            });
        }

        @Test
        void sellSpotAndLongThePerpWhenThePerpIsCheaper() {
            List<Candidate> found = detector.detect(snapshot("ABC/USDT", List.of(
                    spot("mexc", "100.5", "100.6", "0.0005", NOW),
                    perp("mexc", "98.9", "99.0", "99.0", "0.0002", null, 8, NOW)), List.of(), List.of()), NOW);

            assertThat(found).singleElement().satisfies(candidate -> {
                // (100.5 - 99.0) / 99.0 = 1.5151515…%
                assertThat(candidate.spreadPercent()).isEqualByComparingTo("1.515152");
                assertThat(candidate.netSpreadPercent()).isEqualByComparingTo("1.445152");
                assertThat(candidate.spotFutures().direction()).isEqualTo("SELL_SPOT_LONG_PERP");
            });
        }

        @Test
        void theMarketSnapshotContractExampleGivesItsSpread() {
            List<Candidate> found = detector.detect(snapshot("PEPE/USDT", List.of(
                    spot("mexc", "0.00001921", "0.00001923", "0.0005", NOW),
                    perp("mexc", "0.00001938", "0.00001939", "0.00001938", "0.0002", "0.0007", 4, NOW)), List.of(),
                    List.of()), NOW);

            assertThat(found.get(0).spreadPercent()).isEqualByComparingTo("0.780031");
            assertThat(found.get(0).netSpreadPercent()).isEqualByComparingTo("0.710031");
        }

        @Test
        void anIncompleteQuoteMakesNothingAStaleOneACandidateThePricerFlags() {
            Instant old = NOW.minus(SETTINGS.staleAfter()).minusSeconds(1);
            // the stale leg is flagged by ExecutionPricer; SignalDetection then only marks an open signal stale
            assertThat(detector.detect(snapshot("ABC/USDT", List.of(spot("mexc", "100.0", "100.1", "0.0005", old),
                    perp("mexc", "110", "110.1", "110", "0.0002", null, 8, NOW)), List.of(), List.of()), NOW))
                    .hasSize(1);
            assertThat(detector.detect(snapshot("ABC/USDT", List.of(spot("mexc", "100.0", null, "0.0005", NOW),
                    perp("mexc", "110", "110.1", "110", "0.0002", null, 8, NOW)), List.of(), List.of()), NOW)).isEmpty();
            assertThat(detector.detect(snapshot("ABC/USDT", List.of(spot("mexc", "100.0", "100.1", "0.0005", null),
                    perp("mexc", "110", "110.1", "110", "0.0002", null, 8, NOW)), List.of(), List.of()), NOW))
                    .hasSize(1);
        }
    }

    @Nested
    class FundingRate {

        final FundingRateDetector detector = new FundingRateDetector(SETTINGS);

        @Test
        void longWhereTheRatePer8hIsLowerShortWhereHigherNetOfBothFees() {
            List<Candidate> found = detector.detect(snapshot("PEPE/USDT", List.of(
                    perp("mexc", "0.00001938", "0.00001939", "0.00001938", "0.0002", "0.0007", 4, NOW),
                    perp("binance", null, null, "0.0000192461", "0.0005", "0.0001", 8, NOW)), List.of(), List.of()),
                    NOW);

            assertThat(found).singleElement().satisfies(candidate -> {
                assertThat(candidate.venueKey()).isEqualTo("binance|mexc");
                assertThat(candidate.spreadPercent()).isEqualByComparingTo("0.06");
                assertThat(candidate.netSpreadPercent()).isEqualByComparingTo("-0.01");
                assertThat(candidate.funding().longExchange()).isEqualTo("binance");
                assertThat(candidate.funding().shortExchange()).isEqualTo("mexc");
                assertThat(candidate.funding().shortIntervalHours()).isEqualTo(4);
                assertThat(candidate.funding().shortRatePer8h()).isEqualByComparingTo("0.0007");
                // (0.00001938 - 0.0000192461) / 0.0000192461 = 0.69572536…%
                assertThat(candidate.funding().priceSpreadPercent()).isEqualByComparingTo("0.695725");
            });
        }

        @Test
        void extremeRatesAreSignalsOfTheirOwnBesideThePair() {
            List<Candidate> found = detector.detect(snapshot("WIF/USDT", List.of(
                    perp("bybit", "2.0", "2.01", "2.005", "0.00055", "0.003", 1, NOW),
                    perp("binance", "2.0", "2.01", "2.004", "0.0005", "-0.001", 8, NOW)), List.of(), List.of()), NOW);

            assertThat(found).extracting(Candidate::venueKey).containsExactly("binance|bybit", "extreme:binance",
                    "extreme:bybit");
            assertThat(found.get(0).spreadPercent()).isEqualByComparingTo("0.4");
            assertThat(found.get(0).netSpreadPercent()).isEqualByComparingTo("0.295");
            assertThat(found.get(1).funding().longExchange()).isEqualTo("binance");
            assertThat(found.get(1).spreadPercent()).isEqualByComparingTo("0.1");
            assertThat(found.get(2).netSpreadPercent()).isEqualByComparingTo("0.245");
            assertThat(found.get(2).funding().shortExchange()).isEqualTo("bybit");
        }

        @Test
        void staleFundingStillMakesTheCandidatesThePricerFlags() {
            assertThat(detector.detect(snapshot("WIF/USDT", List.of(
                    perp("bybit", "2.0", "2.01", "2.005", "0.00055", "0.003", 1, NOW.minusSeconds(120)),
                    perp("binance", "2.0", "2.01", "2.004", "0.0005", "-0.0001", 8, NOW)), List.of(), List.of()), NOW))
                    .extracting(Candidate::venueKey).containsExactly("binance|bybit", "extreme:bybit");
        }
    }

    @Nested
    class Dex {

        final DexDetector detector = new DexDetector(SETTINGS);
        final MarketSnapshot.NetworkStatus solana = new MarketSnapshot.NetworkStatus("SOL", "solana",
                "TokenMint111", true, false, d("1"), NOW);

        MarketSnapshot.DexPool pool(String pair, String token, String price, String liquidity, Instant at) {
            return new MarketSnapshot.DexPool("solana", "raydium", pair, token, d(price), d(liquidity), d("90000"), at);
        }

        @Test
        void aPoolOfTheSameContractIsComparedNetOfMexcFeeAndTheDexCost() {
            List<Candidate> found = detector.detect(snapshot("XYZ/USDT",
                    List.of(spot("mexc", "0.0120", "0.0121", "0.0005", NOW)),
                    List.of(pool("PairA", "tokenmint111", "0.0125", "50000", NOW)), List.of(solana)), NOW);

            assertThat(found).singleElement().satisfies(candidate -> {
                assertThat(candidate.venueKey()).isEqualTo("mexc|solana:PairA");
                // (0.0125 - 0.0121) / 0.0121 = 3.3057851…%, less 0.05% taker and 0.3% DEX cost
                assertThat(candidate.spreadPercent()).isEqualByComparingTo("3.305785");
                assertThat(candidate.netSpreadPercent()).isEqualByComparingTo("2.955785");
                assertThat(candidate.dex().direction()).isEqualTo("BUY_MEXC_SELL_DEX");
                assertThat(candidate.dex().depositEnabled()).isTrue();
                assertThat(candidate.dex().withdrawEnabled()).isFalse();
            });
        }

        @Test
        void buyOnTheDexWhenItIsCheaper() {
            List<Candidate> found = detector.detect(snapshot("XYZ/USDT",
                    List.of(spot("mexc", "0.0120", "0.0121", "0.0005", NOW)),
                    List.of(pool("PairA", "TokenMint111", "0.0115", "50000", NOW)), List.of(solana)), NOW);

            assertThat(found.get(0).spreadPercent()).isEqualByComparingTo("4.347826");
            assertThat(found.get(0).dex().direction()).isEqualTo("BUY_DEX_SELL_MEXC");
        }

        @Test
        void poolsOfAnotherContractOrThinPoolsMakeNothing() {
            List<Candidate> found = detector.detect(snapshot("XYZ/USDT",
                    List.of(spot("mexc", "0.0120", "0.0121", "0.0005", NOW)),
                    List.of(pool("SameTickerOtherToken", "ImposterMint", "0.0200", "900000", NOW),
                            pool("Thin", "TokenMint111", "0.0200", "9999", NOW)),
                    List.of(solana)), NOW);

            assertThat(found).isEmpty();
        }

        @Test
        void aStalePoolOrMexcQuoteStillMakesACandidateWhoseExecutionFlagsTheStaleLeg() {
            List<Candidate> found = detector.detect(snapshot("XYZ/USDT",
                    List.of(spot("mexc", "0.0120", "0.0121", "0.0005", NOW.minusSeconds(600))),
                    List.of(pool("Old", "TokenMint111", "0.0125", "900000", NOW.minusSeconds(600))),
                    List.of(solana)), NOW);

            assertThat(found).singleElement().satisfies(candidate -> {
                assertThat(candidate.venueKey()).isEqualTo("mexc|solana:Old");
                assertThat(candidate.dex().direction()).isEqualTo("BUY_MEXC_SELL_DEX");
            });
        }
    }

    @Nested
    class OpenAndClose {

        final Hysteresis hysteresis = new Hysteresis(SETTINGS.spotFutures(), SETTINGS.minChange());

        @Test
        void opensAtTheOpenThresholdAndClosesOnlyBelowTheCloseThreshold() {
            assertThat(hysteresis.decide(d("0.49"), null)).isEqualTo(Hysteresis.Decision.NONE);
            assertThat(hysteresis.decide(d("0.5"), null)).isEqualTo(Hysteresis.Decision.OPEN);
            assertThat(hysteresis.decide(d("0.3"), d("0.6"))).isEqualTo(Hysteresis.Decision.UPDATE);
            assertThat(hysteresis.decide(d("0.62"), d("0.6"))).isEqualTo(Hysteresis.Decision.NONE);
            assertThat(hysteresis.decide(d("0.2"), d("0.22"))).isEqualTo(Hysteresis.Decision.NONE);
            assertThat(hysteresis.decide(d("0.19"), d("0.25"))).isEqualTo(Hysteresis.Decision.CLOSE);
        }

        @Test
        void aSpreadHoveringAroundTheOpenThresholdOpensOnceAndClosesOnce() {
            List<Hysteresis.Decision> decisions = new ArrayList<>();
            BigDecimal open = null;
            for (String net : List.of("0.45", "0.51", "0.49", "0.52", "0.47", "0.5", "0.3", "0.21", "0.19", "0.49")) {
                Hysteresis.Decision decision = hysteresis.decide(d(net), open);
                decisions.add(decision);
                if (decision == Hysteresis.Decision.OPEN || decision == Hysteresis.Decision.UPDATE) {
                    open = d(net);
                }
                else if (decision == Hysteresis.Decision.CLOSE) {
                    open = null;
                }
            }

            assertThat(decisions).filteredOn(d -> d == Hysteresis.Decision.OPEN).hasSize(1);
            assertThat(decisions).filteredOn(d -> d == Hysteresis.Decision.CLOSE).hasSize(1);
            assertThat(decisions.get(8)).isEqualTo(Hysteresis.Decision.CLOSE);
        }
    }
}
