package io.cryptotracker.signals.telegram;

import io.cryptotracker.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/telegram/messages?status=parsed|unparsed} (admins): stored posts with reason and signal ids. */
@RestController
@Tag(name = "telegram")
@PreAuthorize("hasRole('ADMIN')")
class TelegramMessagesController {

    private final TelegramMessages messages;

    TelegramMessagesController(TelegramMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/telegram/messages")
    @Operation(operationId = "listTelegramMessages", summary = "Stored channel posts, parsed or not, with the reason")
    PageResponse<TelegramMessages.Stored> list(@Valid @ParameterObject TelegramMessagesQuery query) {
        return messages.list(query.wantedStatus(), query.pageQuery());
    }
}
