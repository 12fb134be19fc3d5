package io.cryptotracker.signals.series;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.signals.config.SignalsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals/spreads/{symbol}}: a symbol's spread series for charts. FREE users' answers end at
 * {@code signals.free-delay} ago, as their signals do.
 */
@RestController
@Tag(name = "signals")
class SpreadSeriesController {

    private final SpreadSeries series;
    private final SeriesSettings settings;
    private final SignalsProperties properties;
    private final Clock clock;

    SpreadSeriesController(SpreadSeries series, SeriesSettings settings, SignalsProperties properties, Clock clock) {
        this.series = series;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/signals/spreads/{symbol}")
    @Operation(operationId = "getSpreadSeries", summary = "A symbol's spread series per kind, for charts",
            description = "The detectors' best route per kind, also while no signal is open: gross and top-of-book "
                    + "net spread in percent (funding: per 8 h), lowest, highest and last per step. 1-minute buckets "
                    + "are kept for `signals.series.minute-retention` (2 days), 15-minute ones up to "
                    + "`signals.series.retention` (30 days). FREE users' answers end at the FREE delay ago.")
    SpreadSeriesAnswer spreads(@PathVariable @Parameter(description = "any spelling without a slash: BTC, btc, "
            + "BTC-USDT, BTC_USDT, BTCUSDT (a coin alone is its USDT pair)", schema = @Schema(example = "BTC-USDT"))
            String symbol,
            @ParameterObject SpreadQuery query, @AuthenticationPrincipal AuthenticatedUser user) {
        Instant now = clock.instant();
        SpreadQuery.Resolved wanted = query.resolve(symbol, now, settings);
        Instant to = wanted.to();
        if (!user.isVip() && !user.isAdmin() && to.isAfter(now.minus(properties.freeDelay()))) {
            to = now.minus(properties.freeDelay());
        }
        List<SpreadSeries.Row> rows = to.isBefore(wanted.from()) ? List.of()
                : series.points(wanted.symbol(), wanted.kinds(), wanted.from(), to, wanted.stepSeconds(),
                        settings.minutesKeptFrom(now), settings.coarseSeconds());
        List<SpreadSeriesAnswer.KindSeries> perKind = wanted.kinds().stream()
                .map(kind -> new SpreadSeriesAnswer.KindSeries(kind.apiName(), rows.stream()
                        .filter(row -> row.kind() == kind)
                        .map(row -> new SpreadSeriesAnswer.Point(row.t(), row.grossMin(), row.grossMax(),
                                row.grossLast(), row.netMin(), row.netMax(), row.netLast()))
                        .toList()))
                .toList();
        return new SpreadSeriesAnswer(wanted.symbol(), wanted.from(), to, wanted.stepSeconds(), perKind);
    }
}
