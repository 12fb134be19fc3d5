package io.cryptotracker.signals.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.signals.execution.ExecutionPricer;
import io.cryptotracker.signals.execution.LatestMarket;
import io.cryptotracker.signals.store.SignalStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals/{id}/quote?size_usdt=}: the position calculator. The signal's route – its venues and
 * direction – priced at one size from the latest market this replica read, with the breakdown signals carry. FREE
 * users see a signal only after the delay, as {@code GET /api/v1/signals/{id}}. A signal that names no venues
 * (a Telegram or manual post without its route), or whose venues this replica has no fresh market of, is a 422
 * ({@link Unquotable}).
 */
@RestController
@Tag(name = "signals")
class SignalQuoteController {

    private final SignalStore store;
    private final FreeTierDelay delay;
    private final LatestMarket market;
    private final ExecutionPricer pricer;
    private final Clock clock;

    SignalQuoteController(SignalStore store, FreeTierDelay delay, LatestMarket market, ExecutionPricer pricer,
            Clock clock) {
        this.store = store;
        this.delay = delay;
        this.market = market;
        this.pricer = pricer;
        this.clock = clock;
    }

    @GetMapping("/api/v1/signals/{id}/quote")
    @Operation(operationId = "quoteSignal", summary = "The signal's route priced at one size from the latest market",
            description = "Gross → fees → transfer → depth → funding → net at `size_usdt`, the legs with the age of "
                    + "their quotes, the largest size that still clears the open threshold and the flags. Funding-"
                    + "rate signals answer their net per 8 hours with the funding income and break-even hours.")
    @ApiResponse(responseCode = "200", description = "The route priced at the size (a `quote.refusal` says why a "
            + "book could not fill it)")
    @ApiResponse(responseCode = "422", description = "The signal names no venues to trade (type `"
            + Unquotable.NO_ROUTE + "`), or there is no recent market of its venues (type `" + Unquotable.NO_MARKET
            + "`); `detail` says which")
    SignalQuote quote(@PathVariable @Parameter(description = "the signal's id") UUID id,
            @Valid @NotNull @ParameterObject QuoteSize size, @AuthenticationPrincipal AuthenticatedUser user) {
        SignalData signal = store.find(id).map(stored -> stored.data())
                .filter(found -> delay.maySee(user, found.detectedAt()))
                .orElseThrow(() -> new NotFoundException("There is no signal with this id."));
        if (!namesARoute(signal)) {
            throw Unquotable.noRoute();
        }
        BigDecimal amount = size.amount();
        MarketSnapshot latest = market.latest(signal.symbol())
                .orElseThrow(() -> Unquotable.noMarket(signal.symbol()));
        SignalData.Execution execution = pricer.price(signal, latest, List.of(amount), clock.instant())
                .orElseThrow(() -> Unquotable.noMarket(signal.symbol()));
        return SignalQuote.of(signal, amount, execution);
    }

    /** Whether the signal says where to trade: both venues of spot–futures or DEX, at least one funding venue. */
    private static boolean namesARoute(SignalData signal) {
        if (signal.spotFutures() != null) {
            return true;
        }
        if (signal.funding() != null) {
            return signal.funding().longExchange() != null || signal.funding().shortExchange() != null;
        }
        return signal.dex() != null && signal.dex().pairAddress() != null;
    }
}
