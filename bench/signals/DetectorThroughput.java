import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.Candidate;
import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.Hysteresis;
import io.cryptotracker.signals.detect.SpotFuturesDetector;
import io.cryptotracker.signals.execution.DexRoute;
import io.cryptotracker.signals.execution.ExecutionPricer;
import io.cryptotracker.signals.execution.ExecutionSettings;
import io.cryptotracker.signals.execution.Flags;
import io.cryptotracker.signals.execution.LatestMarket;
import io.cryptotracker.signals.execution.Refusal;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalSource;

/**
 * How many MarketSnapshots a second signals-service's detectors measure and decide, on SYMBOLS symbols, each with
 * MEXC spot and perp, Binance and Bybit perps, one DEX pool matched by contract; every round moves the prices so
 * signals open, update and close. Three paths on the same rounds, one thread, interleaved round by round so that
 * the load of the machine falls on all of them alike:
 * <ol type="a">
 * <li>{@code top-of-book}: the three detectors and the hysteresis on the top-of-book net (the path before issue 15);
 * <li>{@code executable}: what {@code SignalDetection} does without the database – {@link LatestMarket} keeps fresh
 * books of earlier rounds, every candidate is priced by {@link ExecutionPricer} (1,000 / 10,000 / 50,000 USDT, the
 * largest size clearing the open threshold by bisection when both legs have books) and the hysteresis acts on the
 * net at the smallest size. Books (50 levels a side) are on the legs market-service would read: the depth
 * candidates (top-of-book spread ≥ 0.3 % or funding spread ≥ 0.03 %/8 h, best first), as many a round as each
 * venue's default budget allows (DepthBudget's round share at a 5 s poll: 5 MEXC spot, 5 MEXC futures, 5 Binance
 * (weight 2 of 10), 10 Bybit);
 * <li>{@code books-everywhere}: the executable path with a fresh book on every leg of every symbol each round (the
 * worst case: no budget at all).
 * </ol>
 * Rounds are 5 s apart on a simulated clock (quotes, books and the pricer's "now"), so LatestMarket keeps a book for
 * six rounds like in production. The database write of a change is not in these numbers (see ListQueryLatency).
 * Run with {@code bench/signals/run.sh detectors [symbols] [rounds] [paths]}, paths a comma list of
 * {@code top,exec,all}; the default {@code top,exec}, as the worst case takes about fifty times as long a round.
 */
public class DetectorThroughput {

    static final Duration POLL = Duration.ofSeconds(5);
    static final Instant START = Instant.parse("2026-12-03T00:00:00Z");
    /** market-service's defaults (DepthProperties): candidate levels in percent. */
    static final BigDecimal CANDIDATE_SPREAD = new BigDecimal("0.3");
    static final BigDecimal CANDIDATE_FUNDING = new BigDecimal("0.03");
    /** Reads a round each venue's default budget allows at a 5 s poll (budget a minute × 5 s ÷ 60 s ÷ weight). */
    static final Map<String, Integer> READS_PER_ROUND = Map.of("mexc:spot", 5, "mexc:perp", 5, "binance:perp", 5,
            "bybit:perp", 10);
    static final int LEVELS = 50;
    /** A book's levels are this far apart, as a fraction of the best price (50 levels: 1 % deep). */
    static final double LEVEL_STEP = 0.0002;
    /**
     * The USDT on a symbol's first level by its class (i % 5); deeper levels hold more ({@code × (1 + k/10)}), so a
     * side holds 172.5 × this: 3,450 USDT (too thin for 10,000), 17,250 (too thin for 50,000), then 86k, 345k, 1.7M.
     */
    static final double[] FIRST_LEVEL_USDT = { 20, 100, 500, 2_000, 10_000 };

    enum Mode {
        TOP("top-of-book", "top"), EXEC("executable (books within budget)", "exec"),
        ALL("books on every leg (worst case)", "all");

        final String label;
        final String arg;

        Mode(String label, String arg) {
            this.label = label;
            this.arg = arg;
        }
    }

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Mode> paths = args.length > 2 ? Arrays.stream(args[2].split(","))
                .map(arg -> Arrays.stream(Mode.values()).filter(p -> p.arg.equals(arg)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("path must be top, exec or all: " + arg)))
                .toList() : List.of(Mode.TOP, Mode.EXEC);
        int warmUp = Math.max(1, rounds / 2);
        long budgetedLegs = 0;
        long budgetedSymbols = 0;
        machine("start");
        System.out.printf("symbols=%d warm-up rounds=%d measured rounds=%d paths=%s, one thread, rounds %ds apart "
                + "(simulated clock)%n", symbols, warmUp, rounds, paths.stream().map(p -> p.arg).toList(),
                POLL.toSeconds());

        DetectionSettings settings = DetectionSettings.defaults();
        ExecutionSettings execution = ExecutionSettings.defaults();
        Map<Mode, Run> runs = new EnumMap<>(Mode.class);
        for (Mode path : paths) {
            runs.put(path, new Run(path, settings, path == Mode.TOP ? null
                    : new ExecutionPricer(execution, settings, new DexRoute(execution, settings)),
                    new LatestMarket(execution.bookMaxAge())));
        }
        for (int round = 0; round < warmUp + rounds; round++) {
            boolean measured = round >= warmUp;
            if (round % 10 == 0) {
                System.err.printf("round %d of %d%n", round, warmUp + rounds);
            }
            // the price path of the measured rounds is the one the warm-up already ran, as before
            int pricePath = measured ? round - warmUp : round;
            Instant now = START.plus(POLL.multipliedBy(round));
            List<MarketSnapshot> plain = snapshots(symbols, pricePath, now);
            Map<Mode, List<MarketSnapshot>> batches = new EnumMap<>(Mode.class);
            for (Mode path : paths) {
                batches.put(path, switch (path) {
                    case TOP -> plain;
                    case EXEC -> {
                        List<String> legs = budgetedLegs(plain);
                        if (measured) {
                            budgetedLegs += legs.size();
                            budgetedSymbols += legs.stream().map(leg -> leg.substring(0, leg.indexOf('|')))
                                    .distinct().count();
                        }
                        yield withBooks(plain, legs, now);
                    }
                    case ALL -> withBooks(plain, null, now);
                });
            }
            // a different path goes first each round: none always runs right after the batch was built
            List<Mode> order = new ArrayList<>(paths);
            java.util.Collections.rotate(order, round);
            for (Mode path : order) {
                runs.get(path).round(batches.get(path), now, measured);
            }
        }

        System.out.println();
        if (runs.containsKey(Mode.EXEC)) {
            System.out.printf("books read a round on the executable path (the budget's legs): %.1f legs on %.1f "
                    + "symbols; LatestMarket keeps each for %d s%n", budgetedLegs / (double) rounds,
                    budgetedSymbols / (double) rounds, execution.bookMaxAge().toSeconds());
        }
        Run top = runs.get(Mode.TOP);
        for (Run run : runs.values()) {
            run.report(top);
        }
        machine("end");
    }

    /** One path's state (open signals, latest market) and counts. */
    static final class Run {

        final Mode path;
        final SpotFuturesDetector spotFutures;
        final FundingRateDetector funding;
        final DexDetector dex;
        final Map<SignalKind, Hysteresis> hysteresis;
        final ExecutionPricer pricer;
        final LatestMarket latest;
        final Map<String, BigDecimal> open = new HashMap<>();
        final Map<String, Long> counts = new TreeMap<>();
        final List<Double> roundRates = new ArrayList<>();
        long snapshots;
        long nanos;
        long candidates;
        long decisions;
        long bookBasis;
        long topBasis;
        long unpriced;
        long legsFromBook;
        long legsFromTop;
        long legsFromPool;
        long searches;

        Run(Mode path, DetectionSettings settings, ExecutionPricer pricer, LatestMarket latest) {
            this.path = path;
            this.spotFutures = new SpotFuturesDetector(settings);
            this.funding = new FundingRateDetector(settings);
            this.dex = new DexDetector(settings);
            this.hysteresis = Map.of(SignalKind.MEXC_SPOT_FUTURES,
                    new Hysteresis(settings.spotFutures(), settings.minChange()), SignalKind.FUNDING_RATE,
                    new Hysteresis(settings.funding(), settings.minChange()), SignalKind.MEXC_DEX,
                    new Hysteresis(settings.dex(), settings.minChange()));
            this.pricer = pricer;
            this.latest = latest;
        }

        void round(List<MarketSnapshot> batch, Instant now, boolean measured) {
            long[] before = { candidates, decisions, bookBasis, topBasis, unpriced, legsFromBook, legsFromTop,
                    legsFromPool, searches };
            Map<String, Long> countsBefore = new TreeMap<>(counts);
            long started = System.nanoTime();
            for (MarketSnapshot snapshot : batch) {
                if (pricer == null) {
                    topOfBook(snapshot, now);
                }
                else {
                    executable(snapshot, now);
                }
            }
            long took = System.nanoTime() - started;
            if (measured) {
                nanos += took;
                snapshots += batch.size();
                roundRates.add(batch.size() / (took / 1e9));
            }
            else { // warm-up rounds count nothing
                candidates = before[0];
                decisions = before[1];
                bookBasis = before[2];
                topBasis = before[3];
                unpriced = before[4];
                legsFromBook = before[5];
                legsFromTop = before[6];
                legsFromPool = before[7];
                searches = before[8];
                counts.clear();
                counts.putAll(countsBefore);
            }
        }

        /** (a) The detectors and the hysteresis on the top-of-book net. */
        void topOfBook(MarketSnapshot snapshot, Instant now) {
            for (Candidate candidate : detect(snapshot, now)) {
                decide(candidate, candidate.netSpreadPercent());
            }
        }

        /** (b), (c) SignalDetection.onSnapshot/apply without the store: priced, then decided on the smallest size. */
        void executable(MarketSnapshot snapshot, Instant now) {
            MarketSnapshot market = latest.remember(snapshot, now);
            for (Candidate candidate : detect(snapshot, now)) {
                SignalData draft = draft(candidate);
                SignalData.Execution execution = pricer.price(draft, market, now).orElse(null);
                count(execution, now);
                Optional<SignalData.SizeQuote> smallest = execution == null ? Optional.empty()
                        : execution.sizes().stream().findFirst();
                String refusal = smallest.map(SignalData.SizeQuote::refusal).orElse(null);
                if (Refusal.PRICE_MISMATCH.name().equals(refusal) || Refusal.CROSSED_BOOK.name().equals(refusal)) {
                    counts.merge("refused " + refusal, 1L, Long::sum);
                    continue;
                }
                String key = key(candidate);
                if (execution != null && execution.flags().contains(Flags.STALE_LEG)) {
                    counts.merge("refused STALE_LEG", 1L, Long::sum);
                    continue;
                }
                BigDecimal net = execution == null ? candidate.netSpreadPercent()
                        : smallest.map(SignalData.SizeQuote::netPercent).orElse(null);
                if (net == null) { // the smallest size cannot be filled: an open signal closes
                    counts.merge("smallest size unfillable (" + refusal + ")", 1L, Long::sum);
                    if (open.remove(key) != null) {
                        decisions++;
                    }
                    continue;
                }
                // what SignalDetection stores: the executable net, the books' gross when priced from books
                BigDecimal gross = execution != null && SignalData.Execution.BOOK.equals(execution.basis())
                        ? smallest.map(SignalData.SizeQuote::topOfBookPercent).orElse(draft.spreadPercent())
                        : draft.spreadPercent();
                SignalData priced = new SignalData(draft.id(), draft.kind(), draft.symbol(), gross, net, null, null,
                        draft.source(), null, null, null, draft.spotFutures(), draft.funding(), draft.dex(),
                        execution);
                decide(candidate, priced.netSpreadPercent());
            }
        }

        List<Candidate> detect(MarketSnapshot snapshot, Instant now) {
            List<Candidate> found = new ArrayList<>();
            found.addAll(spotFutures.detect(snapshot, now));
            found.addAll(funding.detect(snapshot, now));
            found.addAll(dex.detect(snapshot, now));
            candidates += found.size();
            return found;
        }

        void decide(Candidate candidate, BigDecimal net) {
            String key = key(candidate);
            Hysteresis.Decision decision = hysteresis.get(candidate.kind()).decide(net, open.get(key));
            switch (decision) {
                case OPEN, UPDATE -> open.put(key, net);
                case CLOSE -> open.remove(key);
                case NONE -> {
                    return;
                }
            }
            decisions++;
        }

        /**
         * Basis, legs and the largest-size search: the pricer searches when the exchange legs of a two-leg route
         * have books (MEXC↔DEX: the MEXC leg). A leg priced from a book carries the book's time, which the bench sets
         * 200 ms before the round's; a DEX leg is the pool's.
         */
        void count(SignalData.Execution execution, Instant now) {
            if (execution == null) {
                unpriced++;
                return;
            }
            boolean book = SignalData.Execution.BOOK.equals(execution.basis());
            if (book) {
                bookBasis++;
                if (execution.legs().size() == 2) {
                    searches++;
                }
            }
            else {
                topBasis++;
            }
            for (SignalData.SizeQuote size : execution.sizes()) {
                if (size.refusal() != null) {
                    counts.merge("size " + size.sizeUsdt() + " USDT refused " + size.refusal(), 1L, Long::sum);
                }
            }
            for (SignalData.Leg leg : execution.legs()) {
                if ("dex".equals(leg.market())) {
                    legsFromPool++;
                }
                else if (now.equals(leg.quotedAt())) {
                    legsFromTop++;
                }
                else {
                    legsFromBook++;
                }
            }
        }

        void report(Run baseline) {
            double seconds = nanos / 1e9;
            double rate = snapshots / seconds;
            List<Double> sorted = roundRates.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2);
            System.out.printf("[%s] snapshots=%d candidates=%d decisions(open/update/close)=%d%n", path.label,
                    snapshots, candidates, decisions);
            System.out.printf("[%s] throughput: %.0f snapshots/s (%.1f µs per snapshot); per round median %.0f, "
                    + "min %.0f, max %.0f snapshots/s%n", path.label, rate, seconds * 1e6 / snapshots, median,
                    sorted.get(0), sorted.get(sorted.size() - 1));
            if (pricer != null) {
                System.out.printf("[%s] priced: %d from books (BOOK: every exchange leg from a book), %d top of "
                        + "book (an exchange leg without a book), %d unpriced (no execution block); legs from books "
                        + "%d, from top of book %d, DEX pools %d; largest-size searches %d%n", path.label, bookBasis,
                        topBasis, unpriced, legsFromBook, legsFromTop, legsFromPool, searches);
                counts.forEach((what, n) -> System.out.printf("[%s]   %s: %d%n", path.label, what, n));
            }
            if (baseline != null && baseline != this) {
                System.out.printf("[%s] vs top-of-book: %.2f× the time per snapshot (%.0f%% of its throughput)%n",
                        path.label, baseline.snapshots / (baseline.nanos / 1e9) / rate,
                        100 * rate / (baseline.snapshots / (baseline.nanos / 1e9)));
            }
            System.out.println();
        }
    }

    static String key(Candidate candidate) {
        return candidate.kind() + candidate.symbol() + candidate.venueKey();
    }

    /** SignalDetection's draft: the candidate as a detector signal, before pricing. */
    static SignalData draft(Candidate candidate) {
        return new SignalData(UUID.randomUUID(), candidate.kind().apiName(), candidate.symbol(),
                candidate.spreadPercent(), candidate.netSpreadPercent(), null, null, SignalSource.DETECTOR.name(),
                null, null, null, candidate.spotFutures(), candidate.funding(), candidate.dex(), null);
    }

    /**
     * The legs market-service would read this round, {@code symbol|venue:market}: DepthCandidates' rule (a leg in a
     * top-of-book price spread ≥ 0.3 % – spot/perp of one venue, perps of two venues, MEXC spot/DEX – or a funding
     * spread ≥ 0.03 %/8 h between two perps; scored spread ÷ level, best first) cut by each venue's round share of
     * its budget (DepthBudget). DepthBudgetUse drives the real classes on the same rounds; its reads a round match.
     */
    static List<String> budgetedLegs(List<MarketSnapshot> snapshots) {
        record Leg(String symbol, String leg, BigDecimal score) {
        }
        List<Leg> legs = new ArrayList<>();
        for (MarketSnapshot snapshot : snapshots) {
            Map<String, BigDecimal> best = new LinkedHashMap<>();
            List<MarketSnapshot.VenueQuote> quotes = snapshot.quotes();
            for (int i = 0; i < quotes.size(); i++) {
                MarketSnapshot.VenueQuote a = quotes.get(i);
                for (int j = i + 1; j < quotes.size(); j++) {
                    MarketSnapshot.VenueQuote b = quotes.get(j);
                    boolean spotAndPerp = a.venue().equals(b.venue()) && !a.market().equals(b.market());
                    boolean twoPerps = !a.venue().equals(b.venue()) && "perp".equals(a.market())
                            && "perp".equals(b.market());
                    if (!spotAndPerp && !twoPerps) {
                        continue;
                    }
                    BigDecimal score = ratio(priceSpread(a.bid(), a.ask(), b.bid(), b.ask()), CANDIDATE_SPREAD);
                    if (twoPerps && a.funding() != null && b.funding() != null) {
                        BigDecimal fundingScore = ratio(a.funding().ratePer8h().subtract(b.funding().ratePer8h())
                                .abs().multiply(BigDecimal.valueOf(100)), CANDIDATE_FUNDING);
                        if (fundingScore != null && (score == null || fundingScore.compareTo(score) > 0)) {
                            score = fundingScore;
                        }
                    }
                    keep(best, a, score);
                    keep(best, b, score);
                }
                if ("mexc".equals(a.venue()) && "spot".equals(a.market())) {
                    for (MarketSnapshot.DexPool pool : snapshot.dexPools()) {
                        keep(best, a, ratio(priceSpread(a.bid(), a.ask(), pool.priceUsd(), pool.priceUsd()),
                                CANDIDATE_SPREAD));
                    }
                }
            }
            best.forEach((leg, score) -> legs.add(new Leg(snapshot.symbol(), leg, score)));
        }
        legs.sort(Comparator.comparing(Leg::score).reversed().thenComparing(Leg::symbol).thenComparing(Leg::leg));
        Map<String, Integer> taken = new HashMap<>();
        List<String> read = new ArrayList<>();
        for (Leg leg : legs) {
            if (taken.merge(leg.leg(), 1, Integer::sum) <= READS_PER_ROUND.getOrDefault(leg.leg(), 0)) {
                read.add(leg.symbol() + "|" + leg.leg());
            }
        }
        return read;
    }

    static BigDecimal priceSpread(BigDecimal bidA, BigDecimal askA, BigDecimal bidB, BigDecimal askB) {
        BigDecimal a = bidB.subtract(askA).divide(askA, MathContext.DECIMAL64).multiply(BigDecimal.valueOf(100));
        BigDecimal b = bidA.subtract(askB).divide(askB, MathContext.DECIMAL64).multiply(BigDecimal.valueOf(100));
        return a.max(b);
    }

    static BigDecimal ratio(BigDecimal spread, BigDecimal level) {
        return spread.compareTo(level) < 0 ? null : spread.divide(level, MathContext.DECIMAL64);
    }

    static void keep(Map<String, BigDecimal> best, MarketSnapshot.VenueQuote quote, BigDecimal score) {
        if (score != null) {
            best.merge(quote.venue() + ":" + quote.market(), score, BigDecimal::max);
        }
    }

    /** The snapshots with books on the given legs ({@code symbol|venue:market}), or on every leg when null. */
    static List<MarketSnapshot> withBooks(List<MarketSnapshot> snapshots, List<String> legs, Instant now) {
        java.util.Set<String> wanted = legs == null ? null : new java.util.HashSet<>(legs);
        List<MarketSnapshot> result = new ArrayList<>(snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            MarketSnapshot snapshot = snapshots.get(i);
            List<MarketSnapshot.OrderBook> books = new ArrayList<>();
            for (MarketSnapshot.VenueQuote quote : snapshot.quotes()) {
                if (wanted == null || wanted.contains(snapshot.symbol() + "|" + quote.venue() + ":" + quote.market())) {
                    books.add(book(quote, FIRST_LEVEL_USDT[i % FIRST_LEVEL_USDT.length], now));
                }
            }
            result.add(books.isEmpty() ? snapshot : snapshot.withBooks(books));
        }
        return result;
    }

    /**
     * 50 levels a side starting at the quote's best prices ({@link #LEVEL_STEP} apart), read 200 ms before the
     * round's quotes. A quote with bid = ask (the bench's Binance and Bybit perps) gets its asks one step above the
     * bid: a real book is never crossed.
     */
    static MarketSnapshot.OrderBook book(MarketSnapshot.VenueQuote quote, double firstLevelUsdt, Instant now) {
        double bid = quote.bid().doubleValue();
        double ask = quote.ask().compareTo(quote.bid()) > 0 ? quote.ask().doubleValue() : bid * (1 + LEVEL_STEP);
        List<MarketSnapshot.Level> bids = new ArrayList<>(LEVELS);
        List<MarketSnapshot.Level> asks = new ArrayList<>(LEVELS);
        for (int k = 0; k < LEVELS; k++) {
            double usdt = firstLevelUsdt * (1 + k / 10.0);
            double bidPrice = bid * (1 - k * LEVEL_STEP);
            double askPrice = ask * (1 + k * LEVEL_STEP);
            bids.add(level(bidPrice, usdt / bidPrice));
            asks.add(level(askPrice, usdt / askPrice));
        }
        return new MarketSnapshot.OrderBook(quote.venue(), quote.market(), bids, asks, now.minusMillis(200));
    }

    static MarketSnapshot.Level level(double price, double qty) {
        return new MarketSnapshot.Level(new BigDecimal(price, new MathContext(10)),
                BigDecimal.valueOf(qty).setScale(4, RoundingMode.HALF_UP));
    }

    /**
     * The rounds' market: the perp premium swings between -1.2 % and +1.2 % over the rounds, differently per symbol,
     * as in the first figure; Binance's and Bybit's perps now have their ask a 0.01 % tick above the bid (they had
     * bid = ask, which the pricer refuses as a crossed book). DepthBudgetUse builds the same.
     */
    static List<MarketSnapshot> snapshots(int symbols, int round, Instant now) {
        List<MarketSnapshot> snapshots = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            double premium = Math.sin((round + i) / 3.0) * 0.012;
            BigDecimal price = BigDecimal.valueOf(1 + (i % 97) / 10.0);
            BigDecimal perp = price.multiply(BigDecimal.valueOf(1 + premium)).setScale(8, RoundingMode.HALF_UP);
            BigDecimal tick = perp.multiply(new BigDecimal("1.0001")).setScale(8, RoundingMode.HALF_UP);
            String token = "0xToken" + i;
            snapshots.add(MarketSnapshot.of("C" + i + "/USDT", "C" + i, "USDT", List.of(
                    quote("mexc", "spot", price, price.multiply(new BigDecimal("1.0005")), "0.0005", null, now),
                    quote("mexc", "perp", perp, perp.multiply(new BigDecimal("1.0002")), "0.0002",
                            BigDecimal.valueOf(premium / 10), now),
                    quote("binance", "perp", perp, tick, "0.0005", new BigDecimal("0.0001"), now),
                    quote("bybit", "perp", perp, tick, "0.00055", BigDecimal.valueOf(-premium / 20), now)),
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

    /** The machine the numbers were taken on: they mean little without it. */
    static void machine(String when) throws Exception {
        String cpu = Files.lines(Path.of("/proc/cpuinfo")).filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf("machine (%s): nproc=%d cpu=\"%s\" jdk=%s %s (%s) heap max=%d MB load average=%s%n", when,
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().maxMemory() >> 20, load);
    }
}
