package io.cryptotracker.signals.query;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.signals.store.SignalHistory;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals/{kind}} (a filtered, sorted page) and {@code GET /api/v1/signals/{id}} (one signal
 * with its history) share one path: the segment is either a kind's name or a signal id. FREE users see signals
 * only after the delay; to them a younger signal does not exist yet.
 */
@RestController
class SignalQueryController {

    private final SignalSearch search;
    private final SignalStore store;
    private final SignalHistory history;
    private final FreeTierDelay delay;

    SignalQueryController(SignalSearch search, SignalStore store, SignalHistory history, FreeTierDelay delay) {
        this.search = search;
        this.store = store;
        this.history = history;
        this.delay = delay;
    }

    @GetMapping("/api/v1/signals/{kindOrId}")
    Object kindOrOne(@PathVariable String kindOrId, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal AuthenticatedUser user) {
        Optional<SignalKind> kind = SignalKind.fromApiName(kindOrId);
        if (kind.isPresent()) {
            return list(kind.get(), params, user);
        }
        UUID id;
        try {
            id = UUID.fromString(kindOrId);
        }
        catch (IllegalArgumentException ex) {
            throw new ValidationException("id",
                    "must be a signal id or one of mexc-spot-futures, funding-rate, mexc-dex");
        }
        return one(id, user);
    }

    private PageResponse<SignalData> list(SignalKind kind, Map<String, String> params, AuthenticatedUser user) {
        SignalFilter filter = SignalFilter.parse(kind, params);
        PageQuery page = SignalFilter.page(params);
        return search.find(filter.withVisibleBefore(delay.visibleBefore(user)), page);
    }

    private SignalView one(UUID id, AuthenticatedUser user) {
        SignalData signal = store.find(id).map(stored -> stored.data())
                .filter(found -> delay.maySee(user, found.detectedAt()))
                .orElseThrow(() -> new NotFoundException("There is no signal with this id."));
        return new SignalView(signal, history.of(id).stream().map(entry -> new SignalView.Change(entry.seq(),
                entry.change(), entry.changedAt(), entry.signal().spreadPercent(),
                entry.signal().netSpreadPercent())).toList());
    }
}
