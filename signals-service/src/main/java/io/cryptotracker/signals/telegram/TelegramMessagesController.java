package io.cryptotracker.signals.telegram;

import java.util.Set;

import io.cryptotracker.common.web.PageParams;
import io.cryptotracker.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/telegram/messages?status=parsed|unparsed} (admins): stored posts with reason and signal ids. */
@RestController
@Tag(name = "telegram")
@PreAuthorize("hasRole('ADMIN')")
class TelegramMessagesController {

    private static final Set<String> SORTABLE = Set.of("received_at", "posted_at");

    private final TelegramMessages messages;

    TelegramMessagesController(TelegramMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/telegram/messages")
    @Operation(operationId = "listTelegramMessages", summary = "Stored channel posts, parsed or not, with the reason",
            description = "Sorted by `received_at` (the default, descending) or `posted_at`.")
    PageResponse<TelegramMessages.Stored> list(@Valid @ParameterObject TelegramMessagesQuery query,
            @Valid @NotNull @ParameterObject PageParams paging) {
        return messages.list(query.wantedStatus(), paging.query(SORTABLE, "received_at,desc"));
    }
}
