import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.snapshot.SnapshotAssembler;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceGate;
import io.cryptotracker.market.venue.VenueQuoteOf;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.http.HttpHeaders;

/**
 * How many symbols a second market-service's normalizer turns from source JSON into MarketSnapshots: the real
 * adapters parse canned answers (no network) for SYMBOLS symbols on MEXC spot, MEXC futures, Binance and Bybit,
 * then SnapshotAssembler groups them. Run with bench/market/run.sh.
 */
public class NormalizerThroughput {

    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Map<String, String> bodies = bodies(symbols);
        Clock clock = Clock.systemUTC();
        MexcSpot spot = new MexcSpot(canned("mexc-spot", bodies), new BigDecimal("0.0005"), clock);
        MexcFutures futures = new MexcFutures(canned("mexc-futures", bodies), clock);
        BinanceFutures binance = new BinanceFutures(canned("binance", bodies), new BigDecimal("0.0005"), clock);
        BybitLinear bybit = new BybitLinear(canned("bybit", bodies), new BigDecimal("0.00055"), clock);
        SnapshotAssembler assembler = new SnapshotAssembler(Set.of("USDT"));

        int published = 0;
        int quotes = 0;
        for (int i = 0; i < rounds / 2; i++) { // warm-up
            round(spot, futures, binance, bybit, assembler);
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            int[] counts = round(spot, futures, binance, bybit, assembler);
            published += counts[0];
            quotes += counts[1];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d rounds of %d symbols (%d venue quotes each) in %.2f s%n", rounds,
                published / rounds, quotes / rounds, seconds);
        System.out.printf(Locale.ROOT, "normalizer: %.0f symbols/s, %.0f venue quotes/s, %.1f ms per round%n",
                published / seconds, quotes / seconds, seconds * 1000 / rounds);
    }

    private static int[] round(MexcSpot spot, MexcFutures futures, BinanceFutures binance, BybitLinear bybit,
            SnapshotAssembler assembler) {
        List<VenueQuoteOf> all = new ArrayList<>();
        all.addAll(spot.spotQuotes());
        all.addAll(futures.perpetualQuotes());
        all.addAll(binance.perpetualQuotes());
        all.addAll(bybit.perpetualQuotes());
        List<MarketSnapshot> snapshots = assembler.assemble(all, Map.of(), List.of());
        return new int[] { snapshots.size(), all.size() };
    }

    /** A source client whose every GET answers a canned body by path: the adapters' code, without the network. */
    private static SourceClient canned(String source, Map<String, String> bodies) {
        SourceGate gate = new SourceGate(source, 1_000_000, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Clock.systemUTC());
        return new SourceClient(source, "http://localhost:1", Duration.ofSeconds(1), Duration.ofSeconds(1), gate,
                Clock.systemUTC(), new SimpleMeterRegistry()) {
            @Override
            public String get(String pathAndQuery, Consumer<HttpHeaders> headers) {
                String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                        : pathAndQuery;
                String body = bodies.get(path);
                if (body == null) {
                    throw new IllegalStateException("no canned answer for " + path);
                }
                return body;
            }
        };
    }

    private static Map<String, String> bodies(int symbols) {
        StringBuilder book = new StringBuilder("[");
        StringBuilder day = new StringBuilder("[");
        StringBuilder ticker = new StringBuilder("{\"success\":true,\"code\":0,\"data\":[");
        StringBuilder rates = new StringBuilder("{\"success\":true,\"code\":0,\"data\":[");
        StringBuilder detail = new StringBuilder("{\"success\":true,\"code\":0,\"data\":[");
        StringBuilder premium = new StringBuilder("[");
        StringBuilder bybit = new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":[");
        StringBuilder instruments = new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[");
        for (int i = 0; i < symbols; i++) {
            String base = "C" + Integer.toString(i, 36).toUpperCase(Locale.ROOT) + "X";
            double price = 0.0001 + (i % 997) * 1.37;
            String sep = i == 0 ? "" : ",";
            book.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%sUSDT\",\"bidPrice\":\"%.8f\",\"bidQty\":\"123.45\",\"askPrice\":\"%.8f\",\"askQty\":\"67.8\"}",
                    base, price, price * 1.0002));
            day.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%sUSDT\",\"lastPrice\":\"%.8f\",\"quoteVolume\":\"%.2f\",\"volume\":\"1000\",\"closeTime\":1763935980000}",
                    base, price, 1_000_000.0 + i));
            ticker.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%s_USDT\",\"lastPrice\":%.8f,\"bid1\":%.8f,\"ask1\":%.8f,\"volume24\":%d,\"amount24\":%.2f,"
                            + "\"indexPrice\":%.8f,\"fairPrice\":%.8f,\"fundingRate\":0.0001,\"timestamp\":1763935980100}",
                    base, price, price * 1.001, price * 1.0012, 100000 + i, 2_000_000.0 + i, price, price));
            rates.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%s_USDT\",\"fundingRate\":0.00025,\"collectCycle\":%d,\"nextSettleTime\":1763942400000,\"timestamp\":1763935980100}",
                    base, i % 3 == 0 ? 4 : 8));
            detail.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%s_USDT\",\"contractSize\":0.01,\"takerFeeRate\":0.0002,\"state\":0}", base));
            premium.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%sUSDT\",\"markPrice\":\"%.8f\",\"indexPrice\":\"%.8f\",\"lastFundingRate\":\"0.00010000\","
                            + "\"nextFundingTime\":1763942400000,\"time\":1763935979000}", base, price, price));
            bybit.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%sUSDT\",\"bid1Price\":\"%.8f\",\"ask1Price\":\"%.8f\",\"bid1Size\":\"10\",\"ask1Size\":\"12\","
                            + "\"lastPrice\":\"%.8f\",\"markPrice\":\"%.8f\",\"indexPrice\":\"%.8f\",\"fundingRate\":\"0.0001\","
                            + "\"nextFundingTime\":\"1763942400000\",\"turnover24h\":\"%.2f\"}",
                    base, price, price * 1.0001, price, price, price, 3_000_000.0 + i));
            instruments.append(sep).append(String.format(Locale.ROOT,
                    "{\"symbol\":\"%sUSDT\",\"fundingInterval\":%d,\"status\":\"Trading\"}", base, i % 5 == 0 ? 240 : 480));
        }
        Map<String, String> bodies = new HashMap<>();
        bodies.put("/api/v3/ticker/bookTicker", book.append(']').toString());
        bodies.put("/api/v3/ticker/24hr", day.append(']').toString());
        bodies.put("/api/v1/contract/ticker", ticker.append("]}").toString());
        bodies.put("/api/v1/contract/funding_rate", rates.append("]}").toString());
        bodies.put("/api/v1/contract/detail", detail.append("]}").toString());
        bodies.put("/fapi/v1/premiumIndex", premium.append(']').toString());
        bodies.put("/fapi/v1/fundingInfo", "[]");
        bodies.put("/v5/market/tickers", bybit.append("]},\"time\":1763935980000}").toString());
        bodies.put("/v5/market/instruments-info", instruments.append("],\"nextPageCursor\":\"\"}}").toString());
        return bodies;
    }
}
