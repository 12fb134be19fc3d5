package io.cryptotracker.signals.query;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.common.web.PageParams;
import io.cryptotracker.common.web.PageResponse;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.signals.store.SignalHistory;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalOutcomes;
import io.cryptotracker.signals.store.SignalStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals/{kind}} (a filtered, sorted page of one kind) and {@code GET /api/v1/signals/{id}} (one
 * signal with its history). The kinds are literal paths, so any other segment is an id. FREE users see signals only
 * after the delay; to them a younger signal does not exist yet.
 */
@RestController
@Tag(name = "signals")
class SignalQueryController {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private static final String SORTS = "Sorted by `detected_at` (the default, descending), `updated_at`, "
            + "`closed_at`, `spread_percent`, `net_spread_percent`, `peak_spread_percent` or `symbol`.";

    private final SignalSearch search;
    private final SignalStore store;
    private final SignalHistory history;
    private final FreeTierDelay delay;
    private final SignalOutcomes outcomes;
    private final Clock clock;

    SignalQueryController(SignalSearch search, SignalStore store, SignalHistory history, FreeTierDelay delay,
            SignalOutcomes outcomes, Clock clock) {
        this.search = search;
        this.store = store;
        this.history = history;
        this.delay = delay;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/signals/mexc-spot-futures")
    @Operation(operationId = "listSpotFuturesSignals", summary = "MEXC spot against MEXC perpetual signals, newest first",
            description = SORTS)
    PageResponse<SignalData> spotFutures(@Valid @ParameterObject SignalListQuery query,
            @Valid @NotNull @ParameterObject PageParams paging, HttpServletRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return list(SignalKind.MEXC_SPOT_FUTURES, query, null, null, paging, request, user);
    }

    @GetMapping("/api/v1/signals/funding-rate")
    @Operation(operationId = "listFundingRateSignals", summary = "Funding-rate signals, newest first",
            description = SORTS)
    PageResponse<SignalData> fundingRate(@Valid @ParameterObject SignalListQuery query,
            @RequestParam(required = false) @Parameter(description = "the long or the short exchange") String exchange,
            @Valid @NotNull @ParameterObject PageParams paging, HttpServletRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return list(SignalKind.FUNDING_RATE, query, exchange, null, paging, request, user);
    }

    @GetMapping("/api/v1/signals/mexc-dex")
    @Operation(operationId = "listDexSignals", summary = "MEXC spot against DEX pool signals, newest first",
            description = SORTS)
    PageResponse<SignalData> dex(@Valid @ParameterObject SignalListQuery query,
            @ParameterObject SignalListQuery.DexFilters dexFilters, @Valid @NotNull @ParameterObject PageParams paging,
            HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser user) {
        return list(SignalKind.MEXC_DEX, query, null, dexFilters, paging, request, user);
    }

    @GetMapping("/api/v1/signals/{id}")
    @Operation(operationId = "getSignal", summary = "One signal with its history, oldest change first")
    SignalView one(@PathVariable @Parameter(description = "the signal's id")
            @Pattern(regexp = UUID_PATTERN, message = "must be a signal id or one of mexc-spot-futures, funding-rate, mexc-dex")
            String id, @AuthenticationPrincipal AuthenticatedUser user) {
        UUID signalId = UUID.fromString(id);
        SignalData signal = store.find(signalId).map(stored -> stored.data())
                .filter(found -> delay.maySee(user, found.detectedAt()))
                .orElseThrow(() -> new NotFoundException("There is no signal with this id."))
                .withOutcome(outcomes.of(signalId, clock.instant()).orElse(null));
        return new SignalView(signal, history.of(signalId).stream().map(entry -> new SignalView.Change(entry.seq(),
                entry.change(), entry.changedAt(), entry.signal().spreadPercent(),
                entry.signal().netSpreadPercent())).toList());
    }

    private PageResponse<SignalData> list(SignalKind kind, SignalListQuery query, String exchange,
            SignalListQuery.DexFilters dexFilters, PageParams paging, HttpServletRequest request, AuthenticatedUser user) {
        List<FieldError> foreign = SignalListQuery.foreign(kind, Collections.list(request.getParameterNames()));
        if (!foreign.isEmpty()) {
            throw new ValidationException(foreign);
        }
        return search.find(query.filter(kind, exchange, dexFilters, delay.visibleBefore(user)),
                paging.query(SignalListQuery.SORTABLE, SignalListQuery.DEFAULT_SORT));
    }
}
