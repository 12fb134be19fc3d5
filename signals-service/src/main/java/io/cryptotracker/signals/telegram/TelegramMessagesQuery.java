package io.cryptotracker.signals.telegram;

import java.util.Locale;
import java.util.Set;

import io.cryptotracker.common.web.PageQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/** The query string of {@code GET /api/v1/telegram/messages}; blank values count as absent. */
record TelegramMessagesQuery(
        @Parameter(schema = @Schema(allowableValues = { "parsed", "unparsed" }))
        @Pattern(regexp = "(?i)\\s*(parsed|unparsed)?\\s*", message = "must be parsed or unparsed") String status,
        @Parameter(description = "from 0") Integer page,
        @Parameter(description = "1 to 200, 20 when absent") Integer size,
        @Parameter(description = "received_at (default, desc) or posted_at, each with ,asc or ,desc") String sort) {

    /** {@code PARSED}, {@code UNPARSED} or null for both. */
    String wantedStatus() {
        return status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    }

    PageQuery pageQuery() {
        return PageQuery.parse(page, size, sort, Set.of("received_at", "posted_at"), "received_at,desc");
    }
}
