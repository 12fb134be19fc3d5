package io.cryptotracker.signals.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.Candidate;
import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.Hysteresis;
import io.cryptotracker.signals.detect.SpotFuturesDetector;
import io.cryptotracker.signals.execution.ExecutionPricer;
import io.cryptotracker.signals.execution.Flags;
import io.cryptotracker.signals.execution.LatestMarket;
import io.cryptotracker.signals.execution.Refusal;
import io.cryptotracker.signals.outcome.OutcomeLedger;
import io.cryptotracker.signals.series.SpreadRecorder;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalSource;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One snapshot through the three detectors: each measured spread is priced for execution ({@link ExecutionPricer}:
 * the books at the configured sizes, the full round trip's cost) and its net at the smallest size is held against the
 * OPEN signal for its venues (locked); the hysteresis decides to open, update, close or leave it, all in one
 * transaction with the events. Legs whose prices disagree beyond the limit or a crossed book make no signal, a stale
 * leg never opens or moves one but marks an open one stale, and a smallest size the books cannot fill closes it;
 * each refusal is counted by reason ({@code cryptotracker.signals.refused}).
 */
@Service
public class SignalDetection {

    private final SpotFuturesDetector spotFutures;
    private final FundingRateDetector funding;
    private final DexDetector dex;
    private final Map<SignalKind, Hysteresis> hysteresis;
    private final SignalStore store;
    private final SignalLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Duration closeStaleAfter;
    private final ExecutionPricer pricer;
    private final LatestMarket latest;
    private final OutcomeLedger outcomes;
    private final SpreadRecorder spreads;

    public SignalDetection(SpotFuturesDetector spotFutures, FundingRateDetector funding, DexDetector dex,
            DetectionSettings settings, ExecutionPricer pricer, LatestMarket latest, SignalStore store,
            SignalLifecycle lifecycle, TransactionTemplate transactions, MeterRegistry meters,
            OutcomeLedger outcomes, SpreadRecorder spreads) {
        this.spotFutures = spotFutures;
        this.funding = funding;
        this.dex = dex;
        this.hysteresis = Map.of(SignalKind.MEXC_SPOT_FUTURES,
                new Hysteresis(settings.spotFutures(), settings.minChange()), SignalKind.FUNDING_RATE,
                new Hysteresis(settings.funding(), settings.minChange()), SignalKind.MEXC_DEX,
                new Hysteresis(settings.dex(), settings.minChange()));
        this.store = store;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.meters = meters;
        this.closeStaleAfter = settings.closeStaleAfter();
        this.pricer = pricer;
        this.latest = latest;
        this.outcomes = outcomes;
        this.spreads = spreads;
    }

    public void onSnapshot(MarketSnapshot snapshot) {
        if (snapshot.symbol() == null) {
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        Instant now = lifecycle.now();
        // the books of earlier rounds count while they are fresh (LatestMarket)
        MarketSnapshot market = latest.remember(snapshot, now);
        candidates.addAll(spotFutures.detect(snapshot, now));
        candidates.addAll(funding.detect(snapshot, now));
        candidates.addAll(dex.detect(snapshot, now));
        // the spread series (issue 16) records every measured spread, in memory until its minute closes
        spreads.record(candidates, now);
        meters.counter("cryptotracker.signals.snapshots").increment();
        if (candidates.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> candidates.forEach(candidate -> apply(candidate, market, now)));
    }

    private void apply(Candidate candidate, MarketSnapshot market, Instant now) {
        SignalData draft = draft(candidate);
        SignalData.Execution execution = pricer.price(draft, market, now).orElse(null);
        Optional<SignalData.SizeQuote> smallest = execution == null ? Optional.empty()
                : execution.sizes().stream().findFirst();
        String refusal = smallest.map(SignalData.SizeQuote::refusal).orElse(null);
        if (Refusal.PRICE_MISMATCH.name().equals(refusal) || Refusal.CROSSED_BOOK.name().equals(refusal)) {
            // the legs cannot be compared at all: a ticker collision, a redenominated contract, a broken feed
            refused(candidate, refusal);
            return;
        }
        Optional<StoredSignal> open = store.findOpenForUpdate(candidate.kind(), candidate.symbol(),
                candidate.venueKey());
        if (execution != null && execution.flags().contains(Flags.STALE_LEG)) {
            refused(candidate, Flags.STALE_LEG);
            open.filter(signal -> signal.data().execution() == null
                    || !signal.data().execution().flags().contains(Flags.STALE_LEG))
                    .ifPresent(signal -> markStale(signal, execution));
            return;
        }
        // the executable net at the smallest size; a size the books cannot fill is no spread at all
        BigDecimal net = execution == null ? candidate.netSpreadPercent()
                : smallest.map(SignalData.SizeQuote::netPercent).orElse(null);
        if (net == null) {
            open.ifPresent(signal -> {
                lifecycle.close(signal);
                changed(candidate, Hysteresis.Decision.CLOSE);
            });
            return;
        }
        // priced from the books, the gross is the books' too, so that gross → costs → net adds up on the signal
        BigDecimal gross = execution != null && SignalData.Execution.BOOK.equals(execution.basis())
                ? smallest.map(SignalData.SizeQuote::topOfBookPercent).orElse(draft.spreadPercent())
                : draft.spreadPercent();
        SignalData priced = new SignalData(draft.id(), draft.kind(), draft.symbol(), gross, net,
                null, null, draft.source(), null, null, null, draft.spotFutures(), draft.funding(), draft.dex(),
                execution);
        BigDecimal openNet = open.map(signal -> signal.data().netSpreadPercent()).orElse(null);
        Hysteresis.Decision decision = hysteresis.get(candidate.kind()).decide(net, openNet);
        // the outcome ledger observes the route (issue 16); the open signal's own outcome rides on its event
        boolean outcomeMoved = outcomes.observe(candidate, net, now, open.map(signal -> signal.data().id())
                .orElse(null));
        if (decision == Hysteresis.Decision.NONE && open.isPresent()
                && (flagsChanged(open.get(), execution) || outcomeMoved)) {
            // e.g. a withdrawal closed, the books thinned out, a checkpoint was taken: readers must see it though
            // the spread held
            decision = Hysteresis.Decision.UPDATE;
        }
        // fresh quotes keep a signal alive; without them it closes at expires_at (SignalExpiry)
        Instant expiresAt = now.plus(closeStaleAfter);
        switch (decision) {
            case OPEN -> lifecycle.open(priced, candidate.venueKey(), expiresAt);
            case UPDATE -> lifecycle.update(open.get(), priced, expiresAt);
            case CLOSE -> lifecycle.close(open.get());
            case NONE -> {
                open.filter(signal -> signal.expiresAt() == null
                        || signal.expiresAt().isBefore(now.plus(closeStaleAfter.dividedBy(2))))
                        .ifPresent(signal -> store.extendExpiry(candidate.kind(), signal.data().id(), expiresAt));
                return;
            }
        }
        changed(candidate, decision);
    }

    /** An open signal whose legs went stale says so: same spreads, its execution flagged and no longer alertable. */
    private void markStale(StoredSignal signal, SignalData.Execution stale) {
        SignalData current = signal.data();
        SignalData.Execution before = current.execution();
        SignalData.Execution flagged = before == null ? stale
                : new SignalData.Execution(before.basis(), stale.pricedAt(), stale.legs(), before.sizes(),
                        before.maxSizeUsdt(), before.transfer(), false, withFlag(before.flags(), Flags.STALE_LEG));
        lifecycle.update(signal, current.withExecution(flagged), signal.expiresAt());
        changed(SignalKind.of(current), "stale");
    }

    private static List<String> withFlag(List<String> flags, String flag) {
        List<String> more = new ArrayList<>(flags);
        more.add(flag);
        return more;
    }

    /**
     * Whether a flag readers act on changed: a transfer closing or opening, the books thinning, a stale leg fresh
     * again. Not {@code TOP_OF_BOOK}: whether a book was read this round changes with market-service's budget.
     */
    private static boolean flagsChanged(StoredSignal open, SignalData.Execution execution) {
        SignalData.Execution before = open.data().execution();
        return execution != null && (before == null || !alerting(before.flags()).equals(alerting(execution.flags())));
    }

    private static java.util.Set<String> alerting(List<String> flags) {
        java.util.Set<String> set = new java.util.HashSet<>(flags);
        set.remove(Flags.TOP_OF_BOOK);
        return set;
    }

    private void refused(Candidate candidate, String reason) {
        meters.counter("cryptotracker.signals.refused", "kind", candidate.kind().apiName(), "reason",
                reason.toLowerCase(Locale.ROOT)).increment();
    }

    private void changed(Candidate candidate, Hysteresis.Decision decision) {
        changed(candidate.kind(), decision.name().toLowerCase(Locale.ROOT));
    }

    private void changed(SignalKind kind, String change) {
        meters.counter("cryptotracker.signals.changes", "kind", kind.apiName(), "change", change).increment();
    }

    private static SignalData draft(Candidate candidate) {
        return new SignalData(UUID.randomUUID(), candidate.kind().apiName(), candidate.symbol(),
                candidate.spreadPercent(), candidate.netSpreadPercent(), null, null, SignalSource.DETECTOR.name(),
                null, null, null, candidate.spotFutures(), candidate.funding(), candidate.dex(), null);
    }
}
