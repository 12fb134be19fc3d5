package io.cryptotracker.signals.telegram;

import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.common.web.UnauthorizedException;
import io.cryptotracker.signals.config.SignalsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/telegram/webhook}: Telegram delivers updates here, proving itself with the secret header
 * (401 otherwise). Channel posts and their edits are ingested; other updates are acknowledged and skipped, so
 * Telegram does not redeliver them.
 */
@RestController
@Tag(name = "telegram")
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);
    private static final JsonMapper UPDATES = JsonMapper.builder().build();

    private final WebhookSecret secret;
    private final TelegramIngest ingest;

    TelegramWebhookController(SignalsProperties properties, TelegramIngest ingest) {
        this.secret = new WebhookSecret(properties.telegram().webhookSecret());
        this.ingest = ingest;
        if (!secret.configured()) {
            log.warn("TELEGRAM_WEBHOOK_SECRET is not set: the Telegram webhook refuses every call");
        }
    }

    /**
     * The body is read as text and parsed here, not by the service's JSON mapper: that one refuses a NUL in any string
     * with a 400, which Telegram would redeliver forever; here such a post is kept unparsed with the reason instead.
     */
    @PostMapping(path = "/api/v1/telegram/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "receiveTelegramUpdate", summary = "Telegram delivers a channel post or its edit")
    @ApiResponse(responseCode = "200", description = "accepted, with the signals the post opened or moved")
    @ApiResponse(responseCode = "401", description = "the secret token header is missing or wrong")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "a Telegram Bot API Update", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "a Telegram Bot API Update")))
    WebhookAnswer receive(@Parameter(description = "TELEGRAM_WEBHOOK_SECRET, as set with setWebhook", required = true)
            @RequestHeader(name = SECRET_HEADER, required = false) String presented, @RequestBody String body) {
        if (!secret.matches(presented)) {
            throw new UnauthorizedException("telegram-secret", "The Telegram secret token is missing or wrong.");
        }
        JsonNode update;
        try {
            update = UPDATES.readTree(body);
        }
        catch (JacksonException ex) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-body", "Bad Request",
                    "The request body is not valid JSON.");
        }
        TelegramPost post = TelegramPost.from(update);
        if (post == null) {
            log.debug("Skipping a Telegram update that is no channel post");
            return new WebhookAnswer(true, List.of());
        }
        return new WebhookAnswer(true, ingest.receive(post));
    }

    /** What Telegram is told: accepted, and the signals the post opened or moved. */
    record WebhookAnswer(boolean ok, List<UUID> signalIds) {
    }
}
