package io.cryptotracker.signals.admin;

import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins post a signal by hand ({@code POST /api/v1/signals}) and remove one ({@code DELETE /api/v1/signals/{id}}). */
@RestController
@Tag(name = "signals")
@PreAuthorize("hasRole('ADMIN')")
class SignalAdminController {

    private final SignalStore store;
    private final SignalLifecycle lifecycle;
    private final TransactionTemplate transactions;

    SignalAdminController(SignalStore store, SignalLifecycle lifecycle, TransactionTemplate transactions) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    @PostMapping("/api/v1/signals")
    @Operation(operationId = "postSignal", summary = "Opens a signal by hand (source MANUAL)")
    @ResponseStatus(HttpStatus.CREATED)
    SignalData post(@Valid @RequestBody ManualSignal body) {
        SignalData signal = body.toSignal();
        return lifecycle.open(signal, "manual:" + signal.id(), null);
    }

    /** Removes the signal and its history and announces it with SignalDeleted. */
    @DeleteMapping("/api/v1/signals/{id}")
    @Operation(operationId = "deleteSignal", summary = "Removes a signal and its history")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        transactions.executeWithoutResult(status -> lifecycle.delete(store.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException("There is no signal with this id."))));
    }
}
