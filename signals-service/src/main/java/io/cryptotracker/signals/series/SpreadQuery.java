package io.cryptotracker.signals.series;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.common.web.input.TimeWindow;
import io.cryptotracker.signals.store.SignalKind;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.boot.convert.DurationStyle;

/**
 * The parameters of {@code GET /api/v1/signals/spreads/{symbol}}; blank counts as absent. Each bad value is a 400
 * naming its parameter ({@link #resolve}).
 */
record SpreadQuery(
        @Parameter(description = "one kind; all kinds when absent",
                schema = @Schema(allowableValues = { "mexc-spot-futures", "funding-rate", "mexc-dex" })) String kind,
        @Parameter(description = "buckets starting at or after (ISO-8601); default `to` minus 24 h") Instant from,
        @Parameter(description = "buckets starting at or before (ISO-8601); default now") Instant to,
        @Parameter(description = "the points' length: seconds (`900`) or a duration (`15m`, `PT1H`), whole minutes; "
                + "default 60 s, or the thinned buckets' length when `from` is older than the 1-minute buckets are kept",
                schema = @Schema(example = "15m")) String step) {

    static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    /** What the query asks for, checked against the settings at {@code now}. */
    Resolved resolve(String symbolText, Instant now, SeriesSettings settings) {
        String symbol = Symbols.normalize(symbolText).orElseThrow(() -> new ValidationException("symbol",
                "must be a symbol such as BTC, BTC-USDT, BTC_USDT or BTCUSDT"));
        List<SignalKind> kinds = kind == null || kind.isBlank() ? Arrays.asList(SignalKind.values())
                : List.of(SignalKind.fromApiName(kind.strip().toLowerCase(Locale.ROOT)).orElseThrow(
                        () -> new ValidationException("kind", "must be mexc-spot-futures, funding-rate or mexc-dex")));
        TimeWindow.check(from, to);
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
        if (start.isAfter(end)) {
            throw new ValidationException("from", "must not be after to (default now)");
        }
        if (Duration.between(start, end).compareTo(settings.retention()) > 0) {
            throw new ValidationException("from", "the range may span at most " + days(settings.retention())
                    + " (how long the series is kept)");
        }
        long stepSeconds = stepSeconds(start, now, settings);
        long points = Duration.between(start, end).toSeconds() / stepSeconds + 1;
        if (points > settings.maxPoints()) {
            throw new ValidationException("step", "asks for " + points + " points per kind, at most "
                    + settings.maxPoints() + " are served: choose a longer step");
        }
        return new Resolved(symbol, kinds, start, end, (int) stepSeconds);
    }

    private long stepSeconds(Instant start, Instant now, SeriesSettings settings) {
        if (step == null || step.isBlank()) {
            // the coarsest resolution stored at the range's start: finer points would only repeat its buckets
            return start.isBefore(now.minus(settings.minuteRetention())) ? settings.coarseSeconds()
                    : SeriesSettings.MINUTE_SECONDS;
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(step.strip(), ChronoUnit.SECONDS);
        }
        catch (RuntimeException ex) {
            throw new ValidationException("step", "must be seconds or a duration such as 60, 15m or PT1H");
        }
        if (parsed.toSeconds() < SeriesSettings.MINUTE_SECONDS || parsed.toSeconds() % SeriesSettings.MINUTE_SECONDS != 0
                || parsed.toNanos() % 1_000_000_000L != 0) {
            throw new ValidationException("step", "must be a whole number of minutes, at least 60 s");
        }
        if (parsed.compareTo(settings.retention()) > 0) {
            throw new ValidationException("step", "must not be longer than " + days(settings.retention()));
        }
        return parsed.toSeconds();
    }

    private static String days(Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toHours() + " h";
    }

    /** A checked query: the symbol in its one spelling, the kinds, the range and the step. */
    record Resolved(String symbol, List<SignalKind> kinds, Instant from, Instant to, int stepSeconds) {
    }
}
