package io.cryptotracker.market.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.scheduling.ClusterJobs;
import io.cryptotracker.market.funding.FundingIntervalWatch;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.venue.DexPoolSource;
import io.cryptotracker.market.venue.NetworkStatusSource;
import io.cryptotracker.market.venue.PerpetualSource;
import io.cryptotracker.market.venue.SpotBookSource;
import io.cryptotracker.market.venue.VenueQuoteOf;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each round reads every source, normalizes, announces funding interval changes ({@link FundingIntervalWatch}),
 * reads the order books of the few symbols whose spread is near a threshold ({@link DepthReader}) and publishes one
 * {@link MarketSnapshot} per symbol. One replica polls at a time (the sources' rate limits are per account and
 * address, not per replica). A failing source does not stop the round: its last good answer is used until it is
 * {@code max-source-age} old, and every quote keeps its own time for detectors to judge.
 */
@Component
public class MarketPoller {

    static final String JOB = "market-service.poll-sources";
    private static final Logger log = LoggerFactory.getLogger(MarketPoller.class);

    private final List<SpotBookSource> spots;
    private final List<PerpetualSource> perpetuals;
    private final DexPoolSource dex;
    private final NetworkStatusSource networks;
    private final SnapshotPublisher publisher;
    private final ClusterJobs jobs;
    private final VenueProperties properties;
    private final SnapshotAssembler assembler;
    private final DepthReader depth;
    private final FundingIntervalWatch intervals;
    private final Clock clock;
    private final Timer rounds;
    private final Map<String, LastGood<?>> lastGood = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private Instant networksAttemptedAt = Instant.EPOCH;
    private Map<String, List<MarketSnapshot.NetworkStatus>> currentNetworks = Map.of();

    MarketPoller(List<SpotBookSource> spots, List<PerpetualSource> perpetuals, DexPoolSource dex,
            NetworkStatusSource networks, DepthReader depth, FundingIntervalWatch intervals,
            SnapshotPublisher publisher, ClusterJobs jobs, VenueProperties properties, Clock clock,
            MeterRegistry meters) {
        this.spots = spots;
        this.perpetuals = perpetuals;
        this.dex = dex;
        this.networks = networks;
        this.publisher = publisher;
        this.jobs = jobs;
        this.properties = properties;
        this.assembler = new SnapshotAssembler(properties.quoteAssets());
        this.depth = depth;
        this.intervals = intervals;
        this.clock = clock;
        this.rounds = Timer.builder("market.poll.rounds").description("Rounds of reading, normalizing, publishing")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${cryptotracker.market.venues.initial-delay:3s}",
            fixedDelayString = "${cryptotracker.market.venues.poll-interval:5s}")
    void scheduled() {
        publishRound();
    }

    /**
     * Polls and publishes one round unless another replica is doing it.
     *
     * @return the number of snapshots sent to Kafka, -1 when another replica ran the round or it failed
     */
    public int publishRound() {
        int[] published = { -1 };
        try {
            jobs.runExclusively(JOB, () -> rounds.record(() -> {
                List<MarketSnapshot> snapshots = pollOnce();
                publisher.publish(snapshots);
                published[0] = snapshots.size();
            }));
        }
        catch (RuntimeException ex) {
            log.warn("Market data round failed: {}", ex.toString());
        }
        return published[0];
    }

    /** Reads every source once and answers the snapshots of this round. */
    public List<MarketSnapshot> pollOnce() {
        List<VenueQuoteOf> quotes = new ArrayList<>();
        for (SpotBookSource spot : spots) {
            quotes.addAll(read(spot.name(), spot::spotQuotes, List.of()));
        }
        for (PerpetualSource perpetual : perpetuals) {
            quotes.addAll(read(perpetual.name(), perpetual::perpetualQuotes, List.of()));
        }
        if (intervals != null) {
            intervals.observe(quotes);
        }
        Map<String, List<MarketSnapshot.NetworkStatus>> statuses = networkStatuses();
        Set<String> traded = new HashSet<>();
        for (VenueQuoteOf quote : quotes) {
            traded.add(quote.base());
        }
        Set<DexPoolSource.TokenAddress> tokens = SnapshotAssembler.dexTokens(traded, statuses);
        List<MarketSnapshot.DexPool> pools = tokens.isEmpty() ? List.of()
                : read(dex.name(), () -> dex.pools(tokens), List.of());
        List<MarketSnapshot> snapshots = assembler.assemble(quotes, statuses, pools);
        return depth == null ? snapshots : depth.withBooks(snapshots, instruments(quotes));
    }

    /** {@code symbol|venue|market} to the venue's instrument name, which its order book is asked by. */
    private static Map<String, String> instruments(List<VenueQuoteOf> quotes) {
        Map<String, String> instruments = new HashMap<>(quotes.size() * 2);
        for (VenueQuoteOf quote : quotes) {
            if (quote.instrument() != null) {
                instruments.put(quote.symbol() + "|" + quote.venueQuote().venue() + "|" + quote.venueQuote().market(),
                        quote.instrument());
            }
        }
        return instruments;
    }

    /** Source name to its last error, for the health endpoint; a source that answered since has none. */
    public Map<String, String> lastErrors() {
        return Map.copyOf(lastErrors);
    }

    /** Source name to when it last answered well. */
    public Map<String, Instant> lastSuccesses() {
        Map<String, Instant> at = new TreeMap<>();
        lastGood.forEach((source, good) -> at.put(source, good.at));
        return at;
    }

    /**
     * MEXC's network status is a heavy signed call: asked once per {@code networks-interval}, whether the last
     * attempt worked or not (a rejected key is not retried every round), and kept for three intervals while it
     * fails.
     */
    private synchronized Map<String, List<MarketSnapshot.NetworkStatus>> networkStatuses() {
        if (!networks.available()) {
            return Map.of();
        }
        Instant now = clock.instant();
        if (now.isBefore(networksAttemptedAt.plus(properties.networksInterval()))) {
            return currentNetworks;
        }
        networksAttemptedAt = now;
        try {
            currentNetworks = networks.networks();
            lastGood.put(networks.name(), new LastGood<>(currentNetworks, now));
            lastErrors.remove(networks.name());
        }
        catch (RuntimeException ex) {
            lastErrors.put(networks.name(), ex instanceof SourceException failure
                    ? failure.kind() + ": " + ex.getMessage() : ex.toString());
            LastGood<?> previous = lastGood.get(networks.name());
            if (previous == null || now.isAfter(previous.at.plus(properties.networksInterval().multipliedBy(3)))) {
                currentNetworks = Map.of();
            }
            log.warn("{} failed, next attempt in {}: {}", networks.name(), properties.networksInterval(),
                    ex.getMessage());
        }
        return currentNetworks;
    }

    private <T> T read(String source, Supplier<T> call, T none) {
        try {
            T value = call.get();
            lastGood.put(source, new LastGood<>(value, clock.instant()));
            lastErrors.remove(source);
            return value;
        }
        catch (RuntimeException ex) {
            lastErrors.put(source, ex instanceof SourceException failure ? failure.kind() + ": " + ex.getMessage()
                    : ex.toString());
            LastGood<?> previous = lastGood.get(source);
            if (previous != null && clock.instant().isBefore(previous.at.plus(properties.maxSourceAge()))) {
                log.debug("{} failed ({}), using its answer from {}", source, ex.getMessage(), previous.at);
                return cast(previous.value);
            }
            log.warn("{} failed and has no recent answer: {}", source, ex.getMessage());
            return none;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private record LastGood<T>(T value, Instant at) {
    }
}
