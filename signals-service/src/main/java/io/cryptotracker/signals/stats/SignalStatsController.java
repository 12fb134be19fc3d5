package io.cryptotracker.signals.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ServiceBusyException;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.signals.query.FreeTierDelay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals/stats} (contract 2): what became of the signals of a window, in total and per symbol,
 * route or source, from {@link OutcomeIndex}. FREE users' figures leave out the signals younger than their delay.
 */
@RestController
@Tag(name = "signals")
class SignalStatsController {

    private static final Duration LOADING_RETRY = Duration.ofSeconds(5);

    private final OutcomeIndex index;
    private final FreeTierDelay delay;
    private final StatsProperties properties;
    private final Clock clock;

    SignalStatsController(OutcomeIndex index, FreeTierDelay delay, StatsProperties properties, Clock clock) {
        this.index = index;
        this.delay = delay;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/signals/stats")
    @Operation(operationId = "signalStats", summary = "Outcome statistics of the signals, in total and per group",
            description = "Count, share converged within 30 minutes (of the signals at least 30 minutes old), median "
                    + "and 90th percentile of the time alive (closed signals), median peak net spread; groups by "
                    + "count, descending. 503 while the statistics are loaded after a start.")
    SignalStats stats(@Valid @ParameterObject StatsQuery query, HttpServletRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        List<FieldError> foreign = StatsQuery.foreign(Collections.list(request.getParameterNames()));
        if (!foreign.isEmpty()) {
            throw new ValidationException(foreign);
        }
        Instant now = clock.instant();
        Instant to = query.to() != null ? query.to() : now;
        Instant from = query.from() != null ? query.from() : to.minus(properties.defaultWindow());
        StatsGrouping grouping = query.grouping();
        OutcomeColumns.Result result = index.stats(query.filter(from, to, delay.visibleBefore(user)), grouping,
                micros(now)).orElseThrow(() -> new ServiceBusyException(
                        "The statistics are being loaded after a start; try again shortly.", LOADING_RETRY));
        return new SignalStats(grouping.apiName(), from, to, now, SignalStats.Figures.of(result.total()),
                result.groups().stream().map(SignalStats.Group::of).toList());
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }
}
