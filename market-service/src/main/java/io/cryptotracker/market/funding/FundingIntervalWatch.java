package io.cryptotracker.market.funding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.FundingIntervalChanged;
import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.market.normalize.FundingRates;
import io.cryptotracker.market.venue.VenueQuoteOf;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces a venue's change of a perpetual's funding interval ({@link FundingIntervalChanged}). The last interval
 * of each (venue, symbol) is kept in {@code funding_intervals}: the first sighting is stored, not announced, and a
 * restart compares with what the table holds, so it announces nothing that was announced before. A change is
 * written with its event to the outbox in one transaction – the event exists exactly when the new interval is
 * committed – and the table's row is locked while it is compared, so no two replicas announce one change. Only
 * intervals the venue reported count ({@link VenueQuoteOf#fundingIntervalReported()}): the 8 h an adapter assumes
 * while a venue's interval list is unreadable would otherwise announce a change and its reversal. Most rounds change
 * nothing and touch no table: they are compared with a copy in memory, loaded from the table at the first round.
 */
@Component
public class FundingIntervalWatch {

    private static final Logger log = LoggerFactory.getLogger(FundingIntervalWatch.class);
    private static final Comparator<FundingReading> INSTRUMENT_ORDER = Comparator.comparing(FundingReading::instrument,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final FundingIntervalStore store;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    /** The committed intervals as far as this replica knows; null until loaded (and after a failed round). */
    private Map<FundingKey, Integer> known;

    FundingIntervalWatch(FundingIntervalStore store, OutboxWriter outbox, TransactionTemplate transactions,
            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Compares this round's perpetual quotes with the last known intervals, stores first sightings and announces
     * changes. Never throws: a failure (the database away) is logged, and the next round compares again.
     *
     * @return the changes announced
     */
    public synchronized int observe(List<VenueQuoteOf> quotes) {
        try {
            if (known == null) {
                known = store.all();
            }
            List<FundingReading> differing = new ArrayList<>();
            for (FundingReading reading : readings(quotes)) {
                Integer last = known.get(reading.key());
                if (last == null || last != reading.intervalHours()) {
                    differing.add(reading);
                }
            }
            if (differing.isEmpty()) {
                return 0;
            }
            Instant now = clock.instant();
            List<FundingIntervalChanged> changes = transactions.execute(status -> record(differing, now));
            for (FundingReading reading : differing) {
                known.put(reading.key(), reading.intervalHours());
            }
            for (FundingIntervalChanged change : changes) {
                Counter.builder("market.funding.interval.changes")
                        .description("Funding interval changes announced (FundingIntervalChanged)")
                        .tag("venue", change.venue()).register(meters).increment();
                log.info("Funding interval of {} on {} changed from {} h to {} h", change.symbol(), change.venue(),
                        change.previousIntervalHours(), change.intervalHours());
            }
            return changes.size();
        }
        catch (RuntimeException ex) {
            known = null;
            log.warn("Funding intervals not compared this round: {}", ex.toString());
            return 0;
        }
    }

    private List<FundingIntervalChanged> record(List<FundingReading> differing, Instant now) {
        Map<FundingKey, Integer> stored = store.lock(differing.stream().map(FundingReading::key).toList());
        List<FundingReading> firstSeen = new ArrayList<>();
        List<FundingReading> changed = new ArrayList<>();
        List<FundingIntervalChanged> events = new ArrayList<>();
        for (FundingReading reading : differing) {
            Integer previous = stored.get(reading.key());
            if (previous == null) {
                firstSeen.add(reading);
            }
            else if (previous != reading.intervalHours()) {
                changed.add(reading);
                FundingIntervalChanged event = event(reading, previous, now);
                outbox.append(Topics.MARKET, event);
                events.add(event);
            }
        }
        store.insert(firstSeen, now);
        store.update(changed, now);
        return events;
    }

    private static FundingIntervalChanged event(FundingReading reading, int previous, Instant now) {
        MarketSnapshot.Funding funding = reading.funding();
        MarketSnapshot.Funding before = FundingRates.of(funding.rate(), previous, funding.nextFundingTime());
        return FundingIntervalChanged.of(reading.key().venue(), reading.key().symbol(), reading.instrument(),
                previous, funding.intervalHours(), funding.rate(), funding.ratePer8h(),
                before == null ? null : before.aprPercent(), funding.aprPercent(), funding.nextFundingTime(), now);
    }

    /**
     * The perpetuals whose venue reported their interval, one per (venue, symbol): where two contracts of a venue
     * map to one symbol ({@code PEPEUSDT} and {@code 1000PEPEUSDT}), the first instrument name in order counts.
     */
    static List<FundingReading> readings(List<VenueQuoteOf> quotes) {
        Map<FundingKey, FundingReading> readings = new HashMap<>();
        for (VenueQuoteOf quote : quotes) {
            MarketSnapshot.VenueQuote venueQuote = quote.venueQuote();
            if (!quote.fundingIntervalReported() || venueQuote.funding() == null
                    || venueQuote.funding().intervalHours() < 1) {
                continue;
            }
            FundingReading reading = new FundingReading(new FundingKey(venueQuote.venue(), quote.symbol()),
                    quote.instrument(), venueQuote.funding());
            readings.merge(reading.key(), reading, (a, b) -> INSTRUMENT_ORDER.compare(a, b) <= 0 ? a : b);
        }
        return List.copyOf(readings.values());
    }

}
