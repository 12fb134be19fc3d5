import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.signals.detect.Candidate;
import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.Hysteresis;
import io.cryptotracker.signals.detect.SpotFuturesDetector;

/**
 * How many MarketSnapshots a second signals-service's detectors measure and decide: SYMBOLS symbols, each with
 * MEXC spot and perp, Binance and Bybit perps, one DEX pool matched by contract; every round moves the prices so
 * signals open, update and close. The database write of a change is not in this number (see ListQueryLatency).
 * Run with bench/signals/run.sh detectors.
 */
public class DetectorThroughput {

    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        DetectionSettings settings = DetectionSettings.defaults();
        SpotFuturesDetector spotFutures = new SpotFuturesDetector(settings);
        FundingRateDetector funding = new FundingRateDetector(settings);
        DexDetector dex = new DexDetector(settings);
        Hysteresis hysteresis = new Hysteresis(settings.spotFutures(), settings.minChange());
        Map<String, BigDecimal> open = new HashMap<>();

        for (int round = 0; round < rounds / 2; round++) { // warm-up
            run(snapshots(symbols, round), spotFutures, funding, dex, hysteresis, open);
        }
        long snapshots = 0;
        long candidates = 0;
        long changes = 0;
        long nanos = 0;
        for (int round = 0; round < rounds; round++) {
            List<MarketSnapshot> batch = snapshots(symbols, round);
            long started = System.nanoTime();
            long[] counts = run(batch, spotFutures, funding, dex, hysteresis, open);
            nanos += System.nanoTime() - started;
            snapshots += batch.size();
            candidates += counts[0];
            changes += counts[1];
        }
        double seconds = nanos / 1e9;
        System.out.printf("symbols=%d rounds=%d snapshots=%d candidates=%d decisions(open/update/close)=%d%n", symbols,
                rounds, snapshots, candidates, changes);
        System.out.printf("detector throughput: %.0f snapshots/s (%.1f µs per snapshot, one thread)%n",
                snapshots / seconds, seconds * 1e6 / snapshots);
    }

    static long[] run(List<MarketSnapshot> batch, SpotFuturesDetector spotFutures, FundingRateDetector funding,
            DexDetector dex, Hysteresis hysteresis, Map<String, BigDecimal> open) {
        long candidates = 0;
        long changes = 0;
        Instant now = Instant.now();
        for (MarketSnapshot snapshot : batch) {
            List<Candidate> found = new ArrayList<>();
            found.addAll(spotFutures.detect(snapshot, now));
            found.addAll(funding.detect(snapshot, now));
            found.addAll(dex.detect(snapshot, now));
            candidates += found.size();
            for (Candidate candidate : found) {
                String key = candidate.kind() + candidate.symbol() + candidate.venueKey();
                Hysteresis.Decision decision = hysteresis.decide(candidate.netSpreadPercent(), open.get(key));
                switch (decision) {
                    case OPEN, UPDATE -> open.put(key, candidate.netSpreadPercent());
                    case CLOSE -> open.remove(key);
                    case NONE -> {
                        continue;
                    }
                }
                changes++;
            }
        }
        return new long[] { candidates, changes };
    }

    static List<MarketSnapshot> snapshots(int symbols, int round) {
        Instant now = Instant.now();
        List<MarketSnapshot> snapshots = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            // the perp premium swings between -1.2 % and +1.2 % over the rounds, differently per symbol
            double premium = Math.sin((round + i) / 3.0) * 0.012;
            BigDecimal price = BigDecimal.valueOf(1 + (i % 97) / 10.0);
            BigDecimal perp = price.multiply(BigDecimal.valueOf(1 + premium)).setScale(8, java.math.RoundingMode.HALF_UP);
            String token = "0xToken" + i;
            snapshots.add(MarketSnapshot.of("C" + i + "/USDT", "C" + i, "USDT", List.of(
                    quote("mexc", "spot", price, price.multiply(new BigDecimal("1.0005")), "0.0005", null, now),
                    quote("mexc", "perp", perp, perp.multiply(new BigDecimal("1.0002")), "0.0002",
                            BigDecimal.valueOf(premium / 10), now),
                    quote("binance", "perp", perp, perp, "0.0005", new BigDecimal("0.0001"), now),
                    quote("bybit", "perp", perp, perp, "0.00055", BigDecimal.valueOf(-premium / 20), now)),
                    List.of(new MarketSnapshot.DexPool("ethereum", "uniswap", "0xPair" + i, token,
                            perp, new BigDecimal("250000"), new BigDecimal("90000"), now)),
                    List.of(new MarketSnapshot.NetworkStatus("ERC20", "ethereum", token, true, true, BigDecimal.ONE,
                            now))));
        }
        return snapshots;
    }

    static MarketSnapshot.VenueQuote quote(String venue, String market, BigDecimal bid, BigDecimal ask, String taker,
            BigDecimal ratePer8h, Instant at) {
        MarketSnapshot.Funding funding = ratePer8h == null ? null
                : new MarketSnapshot.Funding(ratePer8h, 8, ratePer8h, ratePer8h.multiply(BigDecimal.valueOf(109500)),
                        at.plus(Duration.ofHours(1)));
        return new MarketSnapshot.VenueQuote(venue, market, bid, ask, BigDecimal.TEN, BigDecimal.TEN, bid, bid, bid,
                new BigDecimal("1000000"), new BigDecimal(taker), funding, at);
    }
}
