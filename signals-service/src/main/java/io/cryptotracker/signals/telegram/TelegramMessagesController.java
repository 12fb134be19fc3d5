package io.cryptotracker.signals.telegram;

import java.util.Locale;
import java.util.Set;

import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.cryptotracker.common.web.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/telegram/messages?status=parsed|unparsed} (admins): stored posts with reason and signal ids. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class TelegramMessagesController {

    private final TelegramMessages messages;

    TelegramMessagesController(TelegramMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/telegram/messages")
    PageResponse<TelegramMessages.Stored> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort) {
        String wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = status.strip().toUpperCase(Locale.ROOT);
            if (!wanted.equals("PARSED") && !wanted.equals("UNPARSED")) {
                throw new ValidationException("status", "must be parsed or unparsed");
            }
        }
        PageQuery query = PageQuery.parse(number("page", page), number("size", size), sort,
                Set.of("received_at", "posted_at"), "received_at,desc");
        return messages.list(wanted, query);
    }

    private static Integer number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new ValidationException(name, "must be a whole number");
        }
    }
}
