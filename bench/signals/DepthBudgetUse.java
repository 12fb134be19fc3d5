import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.snapshot.DepthProperties;
import io.cryptotracker.market.snapshot.DepthReader;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceGate;
import io.cryptotracker.market.venue.OrderBookSource;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The venue request budget depth reads use: market-service's real depth step ({@code DepthReader}, which ranks the
 * legs with {@code DepthCandidates} and cuts them with each venue's {@code DepthBudget}) over ROUNDS rounds 5 s apart
 * (12 = one minute) of SYMBOLS synthetic symbols with DetectorThroughput's spread distribution. The venues are the
 * real adapters (their source names and request weights) whose reads are counted and answered with an empty-ish
 * book instead of HTTP; the settings are DepthProperties' defaults as Spring binds them
 * ({@code -Dcryptotracker.market.depth.…} overrides them). Per venue: candidate legs a round, reads planned a minute,
 * the budget a minute, the published limit, legs left waiting. Run with {@code bench/signals/run.sh depth-budget}.
 */
public class DepthBudgetUse {

    static final Duration POLL = Duration.ofSeconds(5);
    static final List<String> SOURCES = List.of("mexc-spot", "mexc-futures", "binance-futures", "bybit-linear");
    /** The published limits a minute, in the budget's unit (market-service README "Order-book depth"). */
    static final Map<String, Integer> PUBLISHED = Map.of("mexc-spot", 3_000, "mexc-futures", 600,
            "binance-futures", 2_400, "bybit-linear", 7_200);
    static final Map<String, String> PUBLISHED_TEXT = Map.of("mexc-spot", "500 / 10 s per endpoint",
            "mexc-futures", "20 / 2 s per endpoint", "binance-futures", "2,400 weight / min per IP",
            "bybit-linear", "600 / 5 s per IP");

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        machine("start");
        Map<String, Object> overrides = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("cryptotracker."))
                .forEach(key -> overrides.put(key, System.getProperty(key)));
        DepthProperties depth = new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("cryptotracker.market.depth", DepthProperties.class);
        System.out.printf("symbols=%d rounds=%d (%ds apart, simulated clock) %s%n", symbols, rounds,
                POLL.toSeconds(), depth);

        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Clock real = Clock.systemUTC();
        Map<String, CountingSource> sources = new LinkedHashMap<>();
        for (OrderBookSource venue : List.of(new MexcSpot(client("mexc-spot", meters), new BigDecimal("0.0005"), real),
                new MexcFutures(client("mexc-futures", meters), real),
                new BinanceFutures(client("binance-futures", meters), new BigDecimal("0.0005"), real),
                new BybitLinear(client("bybit-linear", meters), new BigDecimal("0.00055"), real))) {
            sources.put(venue.name(), new CountingSource(venue, clock));
        }
        // warm-up: the same rounds through a reader of their own, so the planning time below is of compiled code
        DepthReader warm = new DepthReader(new ArrayList<>(sources.values()), depth, POLL,
                new MutableClock(clock.instant().minus(Duration.ofHours(1))), Runnable::run, new SimpleMeterRegistry());
        for (int round = 0; round < rounds; round++) {
            warm.withBooks(snapshots(symbols, round, clock.instant(), new HashMap<>()), warmInstruments(symbols));
        }
        sources.values().forEach(source -> source.reads = 0);
        DepthReader reader = new DepthReader(new ArrayList<>(sources.values()), depth, POLL, clock, Runnable::run,
                meters);

        // per source and round: reads, legs the budget cut
        Map<String, int[]> reads = new LinkedHashMap<>();
        Map<String, int[]> waiting = new LinkedHashMap<>();
        SOURCES.forEach(source -> {
            reads.put(source, new int[rounds]);
            waiting.put(source, new int[rounds]);
        });
        Set<String> symbolsWithBooks = new HashSet<>();
        long planNanos = 0;
        List<Integer> symbolsPerRound = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Instant now = clock.instant();
            Map<String, String> instruments = new HashMap<>();
            List<MarketSnapshot> snapshots = snapshots(symbols, round, now, instruments);
            Map<String, Integer> readsBefore = new HashMap<>();
            Map<String, Double> skippedBefore = new HashMap<>();
            for (String source : SOURCES) {
                readsBefore.put(source, sources.get(source).reads);
                skippedBefore.put(source, skipped(meters, source));
            }
            long started = System.nanoTime();
            List<MarketSnapshot> withBooks = reader.withBooks(snapshots, instruments);
            planNanos += System.nanoTime() - started;
            int withBook = 0;
            for (MarketSnapshot snapshot : withBooks) {
                if (!snapshot.books().isEmpty()) {
                    withBook++;
                    symbolsWithBooks.add(snapshot.symbol());
                }
            }
            symbolsPerRound.add(withBook);
            for (String source : SOURCES) {
                reads.get(source)[round] = sources.get(source).reads - readsBefore.get(source);
                waiting.get(source)[round] = (int) (skipped(meters, source) - skippedBefore.get(source));
            }
            clock.advance(POLL);
        }

        int perMinuteRounds = (int) (Duration.ofMinutes(1).toMillis() / POLL.toMillis());
        System.out.println();
        System.out.println("| source | candidate legs a round (min–max) | reads a round | reads planned a minute "
                + "(max over 60 s) | weight a read | budget a minute | published limit a minute | share of limit "
                + "used | legs left waiting a round |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String source : SOURCES) {
            int[] r = reads.get(source);
            int[] w = waiting.get(source);
            int minCandidates = Integer.MAX_VALUE;
            int maxCandidates = 0;
            long candidates = 0;
            for (int i = 0; i < rounds; i++) {
                int c = r[i] + w[i];
                minCandidates = Math.min(minCandidates, c);
                maxCandidates = Math.max(maxCandidates, c);
                candidates += c;
            }
            int maxWindow = 0;
            for (int start = 0; start + Math.min(perMinuteRounds, rounds) <= rounds; start++) {
                int sum = 0;
                for (int i = start; i < start + Math.min(perMinuteRounds, rounds); i++) {
                    sum += r[i];
                }
                maxWindow = Math.max(maxWindow, sum);
            }
            int weight = sources.get(source).weight(depth.levels());
            int budget = depth.perMinute(source);
            int published = PUBLISHED.get(source);
            long totalWaiting = 0;
            for (int x : w) {
                totalWaiting += x;
            }
            System.out.printf("| `%s` | %.0f (%d–%d) | %s | %d (%d %s) | %d | %d | %,d (%s) | %.1f %% | %.0f |%n", source,
                    candidates / (double) rounds, minCandidates, maxCandidates, range(r), maxWindow,
                    maxWindow * weight, weight == 1 ? "requests" : "weight", weight, budget, published,
                    PUBLISHED_TEXT.get(source), 100.0 * maxWindow * weight / published,
                    totalWaiting / (double) rounds);
        }
        System.out.println();
        System.out.printf("symbols with at least one book: %s a round, %d distinct over the %d rounds (of %d)%n",
                symbolsPerRound, symbolsWithBooks.size(), rounds, symbols);
        System.out.printf("depth step's planning (DepthCandidates + DepthBudget + attaching, no HTTP, after %d "
                + "warm-up rounds): %.1f ms a round on average%n", rounds, planNanos / 1e6 / rounds);
        machine("end");
    }

    static Map<String, String> warmInstruments(int symbols) {
        Map<String, String> instruments = new HashMap<>();
        snapshots(symbols, 0, Instant.EPOCH, instruments);
        return instruments;
    }

    static String range(int[] values) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min == max ? String.valueOf(min) : min + "–" + max;
    }

    static double skipped(SimpleMeterRegistry meters, String source) {
        Counter counter = meters.find("market.depth.skipped").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A client that is never called: the adapters only lend their names and weights here. */
    static SourceClient client(String source, SimpleMeterRegistry meters) {
        return new SourceClient(source, "http://127.0.0.1:9", Duration.ofSeconds(1), Duration.ofSeconds(1),
                new SourceGate(source, 1, Duration.ofSeconds(1), Duration.ofMinutes(1), Clock.systemUTC()),
                Clock.systemUTC(), meters);
    }

    /** A venue whose reads are counted and answered with a one-level book, no HTTP. */
    static final class CountingSource implements OrderBookSource {

        final OrderBookSource venue;
        final Clock clock;
        int reads;

        CountingSource(OrderBookSource venue, Clock clock) {
            this.venue = venue;
            this.clock = clock;
        }

        @Override
        public String name() {
            return venue.name();
        }

        @Override
        public String venue() {
            return venue.venue();
        }

        @Override
        public String market() {
            return venue.market();
        }

        @Override
        public int weight(int levels) {
            return venue.weight(levels);
        }

        @Override
        public MarketSnapshot.OrderBook orderBook(String instrument, int levels) {
            reads++;
            MarketSnapshot.Level level = new MarketSnapshot.Level(BigDecimal.ONE, BigDecimal.ONE);
            return new MarketSnapshot.OrderBook(venue(), market(), List.of(level), List.of(level), clock.instant());
        }
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** DetectorThroughput.snapshots, the same market; plus each leg's instrument name as market-service keeps it. */
    static List<MarketSnapshot> snapshots(int symbols, int round, Instant now, Map<String, String> instruments) {
        List<MarketSnapshot> snapshots = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            double premium = Math.sin((round + i) / 3.0) * 0.012;
            BigDecimal price = BigDecimal.valueOf(1 + (i % 97) / 10.0);
            BigDecimal perp = price.multiply(BigDecimal.valueOf(1 + premium)).setScale(8, RoundingMode.HALF_UP);
            BigDecimal tick = perp.multiply(new BigDecimal("1.0001")).setScale(8, RoundingMode.HALF_UP);
            String token = "0xToken" + i;
            String symbol = "C" + i + "/USDT";
            instruments.put(symbol + "|mexc|spot", "C" + i + "USDT");
            instruments.put(symbol + "|mexc|perp", "C" + i + "_USDT");
            instruments.put(symbol + "|binance|perp", "C" + i + "USDT");
            instruments.put(symbol + "|bybit|perp", "C" + i + "USDT");
            snapshots.add(MarketSnapshot.of(symbol, "C" + i, "USDT", List.of(
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

    static void machine(String when) throws Exception {
        String cpu = Files.lines(Path.of("/proc/cpuinfo")).filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        System.out.printf("machine (%s): nproc=%d cpu=\"%s\" jdk=%s load average=%s%n", when,
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
