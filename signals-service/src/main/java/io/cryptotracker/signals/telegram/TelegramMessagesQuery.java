package io.cryptotracker.signals.telegram;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/** The filter of {@code GET /api/v1/telegram/messages}; blank counts as absent. */
record TelegramMessagesQuery(
        @Parameter(schema = @Schema(allowableValues = { "parsed", "unparsed" }))
        @Pattern(regexp = "(?i)\\s*(parsed|unparsed)?\\s*", message = "must be parsed or unparsed") String status) {

    /** {@code PARSED}, {@code UNPARSED} or null for both. */
    String wantedStatus() {
        return status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    }
}
