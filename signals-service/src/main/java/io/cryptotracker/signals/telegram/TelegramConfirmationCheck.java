package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.signals.series.SeriesSettings;
import io.cryptotracker.signals.series.SpreadSeries;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks each Telegram signal against our spread series once its window (post time ± {@code confirm-window}) has
 * passed and its last minute has been written ({@link Confirmation} has the rule), and notes how far the channel was
 * ahead of our detector: {@code lead_seconds} = our first detector signal of the kind and symbol in the window minus
 * the post's time. Several replicas share the work (SKIP LOCKED).
 */
@Component
public class TelegramConfirmationCheck {

    private final TelegramConfirmations confirmations;
    private final SpreadSeries series;
    private final SignalStore store;
    private final ConfirmationSettings settings;
    private final Duration written;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    TelegramConfirmationCheck(TelegramConfirmations confirmations, SpreadSeries series, SignalStore store,
            ConfirmationSettings settings, SeriesSettings seriesSettings, TransactionTemplate transactions,
            Clock clock, MeterRegistry meters) {
        this.confirmations = confirmations;
        this.series = series;
        this.store = store;
        this.settings = settings;
        // a window's last minute is in the table once the minute has closed and the recorder has flushed
        this.written = Duration.ofMinutes(1).plus(seriesSettings.flushInterval());
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return how many signals were checked in this run */
    @Scheduled(fixedDelayString = "${signals.telegram.confirm-check-interval:30s}",
            initialDelayString = "${signals.telegram.confirm-check-interval:30s}")
    public int check() {
        Integer checked = transactions.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant windowClosedBefore = now.minus(settings.confirmWindow()).minus(written);
            List<TelegramConfirmations.Due> due = confirmations.due(windowClosedBefore, settings.confirmBatch());
            int done = 0;
            for (TelegramConfirmations.Due signal : due) {
                if (signal.postedAt().isAfter(windowClosedBefore)) {
                    continue; // a post dated after its delivery: its window is still open
                }
                check(signal, now);
                done++;
            }
            return done;
        });
        return checked == null ? 0 : checked;
    }

    private void check(TelegramConfirmations.Due signal, Instant now) {
        Instant from = signal.postedAt().minus(settings.confirmWindow());
        Instant to = signal.postedAt().plus(settings.confirmWindow());
        Optional<SignalKind> kind = SignalKind.fromApiName(signal.kind());
        // the spread the post stated is the signal's (an edit of the post updates it)
        BigDecimal channel = store.find(signal.signalId()).map(stored -> stored.data().spreadPercent())
                .orElse(signal.openNetPercent());
        SpreadSeries.Window window = kind.map(k -> series.window(signal.symbol(), k, from, to))
                .orElse(new SpreadSeries.Window(0, null));
        Confirmation confirmation = Confirmation.judge(channel, window.buckets(), window.maxGross(),
                settings.confirmTolerance());
        Long lead = kind.flatMap(k -> confirmations.firstDetectorSignal(k, signal.symbol(), from, to))
                .map(ours -> Duration.between(signal.postedAt(), ours).toSeconds()).orElse(null);
        confirmations.save(signal.signalId(), confirmation, lead, now);
        meters.counter("cryptotracker.signals.telegram.confirmations", "status",
                confirmation.status().name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
