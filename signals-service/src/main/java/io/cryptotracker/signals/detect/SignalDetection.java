package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalSource;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One snapshot through the three detectors: each measured spread is held against the OPEN signal for its venues
 * (locked) and the hysteresis decides to open, update, close or leave it, all in one transaction with the events.
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
    private final java.time.Duration closeStaleAfter;

    public SignalDetection(SpotFuturesDetector spotFutures, FundingRateDetector funding, DexDetector dex,
            DetectionSettings settings, SignalStore store, SignalLifecycle lifecycle, TransactionTemplate transactions,
            MeterRegistry meters) {
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
    }

    public void onSnapshot(MarketSnapshot snapshot) {
        if (snapshot.symbol() == null) {
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        var now = lifecycle.now();
        candidates.addAll(spotFutures.detect(snapshot, now));
        candidates.addAll(funding.detect(snapshot, now));
        candidates.addAll(dex.detect(snapshot, now));
        meters.counter("cryptotracker.signals.snapshots").increment();
        if (candidates.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> candidates.forEach(candidate -> apply(candidate, now)));
    }

    private void apply(Candidate candidate, java.time.Instant now) {
        Optional<StoredSignal> open = store.findOpenForUpdate(candidate.kind(), candidate.symbol(),
                candidate.venueKey());
        BigDecimal openNet = open.map(signal -> signal.data().netSpreadPercent()).orElse(null);
        Hysteresis.Decision decision = hysteresis.get(candidate.kind()).decide(candidate.netSpreadPercent(), openNet);
        // fresh quotes keep a signal alive; without them it closes at expires_at (SignalExpiry)
        java.time.Instant expiresAt = now.plus(closeStaleAfter);
        switch (decision) {
            case OPEN -> lifecycle.open(draft(candidate), candidate.venueKey(), expiresAt);
            case UPDATE -> lifecycle.update(open.get(), draft(candidate), expiresAt);
            case CLOSE -> lifecycle.close(open.get());
            case NONE -> {
                open.filter(signal -> signal.expiresAt() == null
                        || signal.expiresAt().isBefore(now.plus(closeStaleAfter.dividedBy(2))))
                        .ifPresent(signal -> store.extendExpiry(candidate.kind(), signal.data().id(), expiresAt));
                return;
            }
        }
        meters.counter("cryptotracker.signals.changes", "kind", candidate.kind().apiName(), "change",
                decision.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    private static SignalData draft(Candidate candidate) {
        return new SignalData(UUID.randomUUID(), candidate.kind().apiName(), candidate.symbol(),
                candidate.spreadPercent(), candidate.netSpreadPercent(), null, null, SignalSource.DETECTOR.name(),
                null, null, null, candidate.spotFutures(), candidate.funding(), candidate.dex(), null);
    }
}
