package io.cryptotracker.market.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.venue.OrderBookSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The depth step of a round: picks the legs whose spread is near a threshold ({@link DepthCandidates}), takes as
 * many as each venue's {@link DepthBudget} allows in that order, reads them through the venue's own client (one
 * venue after the other within a venue, the venues side by side, so a round waits for the slowest venue only) and
 * puts the books on the snapshots. A venue that refuses for load (429, 418, its own code) is not asked again this
 * round; any other failure skips that one book. Counted in {@code market.depth.reads{source,outcome}} and
 * {@code market.depth.skipped{source}} (legs the budget cut).
 */
public class DepthReader {

    private static final Logger log = LoggerFactory.getLogger(DepthReader.class);
    private static final Comparator<MarketSnapshot.OrderBook> VENUE_ORDER = Comparator
            .comparing(MarketSnapshot.OrderBook::venue).thenComparing(MarketSnapshot.OrderBook::market);

    private final Map<String, OrderBookSource> sourcesByLeg = new HashMap<>();
    private final DepthProperties properties;
    private final DepthCandidates candidates;
    private final Duration pollInterval;
    private final Clock clock;
    private final Executor executor;
    private final MeterRegistry meters;
    private final Map<String, DepthBudget> budgets = new ConcurrentHashMap<>();

    /**
     * @param executor runs each venue's reads of a round; the venues' gates keep each within its limits
     */
    public DepthReader(List<OrderBookSource> sources, DepthProperties properties, Duration pollInterval, Clock clock,
            Executor executor, MeterRegistry meters) {
        for (OrderBookSource source : sources) {
            sourcesByLeg.put(source.venue() + ":" + source.market(), source);
        }
        this.properties = properties;
        this.candidates = new DepthCandidates(properties.candidateSpreadPercent(),
                properties.candidateFundingPercent());
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.executor = executor;
        this.meters = meters;
    }

    /**
     * @param snapshots this round's snapshots, without books
     * @param instruments {@code symbol|venue|market} to the venue's instrument name
     * @return the same snapshots, those with candidate legs carrying their books
     */
    public List<MarketSnapshot> withBooks(List<MarketSnapshot> snapshots, Map<String, String> instruments) {
        if (!properties.enabled() || snapshots.isEmpty()) {
            return snapshots;
        }
        Map<OrderBookSource, List<Read>> plan = plan(candidates.legs(snapshots), instruments);
        if (plan.isEmpty()) {
            return snapshots;
        }
        Map<String, List<MarketSnapshot.OrderBook>> booksBySymbol = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> venues = new ArrayList<>(plan.size());
        plan.forEach((source, reads) -> venues.add(CompletableFuture.runAsync(() -> read(source, reads,
                booksBySymbol), executor)));
        CompletableFuture.allOf(venues.toArray(CompletableFuture[]::new)).join();
        List<MarketSnapshot> withBooks = new ArrayList<>(snapshots.size());
        for (MarketSnapshot snapshot : snapshots) {
            List<MarketSnapshot.OrderBook> books = booksBySymbol.get(snapshot.symbol());
            if (books == null) {
                withBooks.add(snapshot);
            }
            else {
                List<MarketSnapshot.OrderBook> sorted = new ArrayList<>(books);
                sorted.sort(VENUE_ORDER);
                withBooks.add(snapshot.withBooks(sorted));
            }
        }
        return withBooks;
    }

    /** The legs each venue's budget allows, in candidate order. */
    private Map<OrderBookSource, List<Read>> plan(List<DepthCandidates.Leg> legs, Map<String, String> instruments) {
        Map<OrderBookSource, List<Read>> plan = new LinkedHashMap<>();
        budgets.values().forEach(DepthBudget::startRound);
        for (DepthCandidates.Leg leg : legs) {
            OrderBookSource source = sourcesByLeg.get(leg.venue() + ":" + leg.market());
            String instrument = instruments.get(leg.symbol() + "|" + leg.venue() + "|" + leg.market());
            if (source == null || instrument == null) {
                continue;
            }
            DepthBudget budget = budgets.computeIfAbsent(source.name(), name -> {
                DepthBudget fresh = new DepthBudget(properties.perMinute(name), pollInterval);
                fresh.startRound();
                return fresh;
            });
            if (budget.tryTake(source.weight(properties.levels()), clock.instant())) {
                plan.computeIfAbsent(source, any -> new ArrayList<>()).add(new Read(leg.symbol(), instrument));
            }
            else {
                Counter.builder("market.depth.skipped").description("Depth reads left out by a venue's budget")
                        .tag("source", source.name()).register(meters).increment();
            }
        }
        return plan;
    }

    private void read(OrderBookSource source, List<Read> reads,
            Map<String, List<MarketSnapshot.OrderBook>> booksBySymbol) {
        for (Read read : reads) {
            String outcome = "success";
            try {
                MarketSnapshot.OrderBook book = source.orderBook(read.instrument(), properties.levels());
                booksBySymbol.computeIfAbsent(read.symbol(), symbol -> new CopyOnWriteArrayList<>()).add(book);
            }
            catch (SourceException ex) {
                outcome = ex.kind() == SourceException.Kind.RATE_LIMITED ? "rate_limited" : "failed";
                log.debug("{} depth of {} not read: {}", source.name(), read.instrument(), ex.getMessage());
            }
            catch (RuntimeException ex) {
                outcome = "failed";
                log.warn("{} depth of {} not read: {}", source.name(), read.instrument(), ex.toString());
            }
            Counter.builder("market.depth.reads").description("Order-book reads by outcome")
                    .tags("source", source.name(), "outcome", outcome).register(meters).increment();
            if ("rate_limited".equals(outcome)) {
                log.info("{} refused for load: no more depth from it this round", source.name());
                return;
            }
        }
    }

    private record Read(String symbol, String instrument) {
    }
}
