package io.cryptotracker.signals.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.web.UnauthorizedException;
import io.cryptotracker.signals.config.SignalsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/telegram/webhook}: Telegram delivers updates here, proving itself with the secret header
 * (401 otherwise). Channel posts and their edits are ingested; other updates are acknowledged and skipped, so
 * Telegram does not redeliver them.
 */
@RestController
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final WebhookSecret secret;
    private final TelegramIngest ingest;

    TelegramWebhookController(SignalsProperties properties, TelegramIngest ingest) {
        this.secret = new WebhookSecret(properties.telegram().webhookSecret());
        this.ingest = ingest;
        if (!secret.configured()) {
            log.warn("TELEGRAM_WEBHOOK_SECRET is not set: the Telegram webhook refuses every call");
        }
    }

    @PostMapping("/api/v1/telegram/webhook")
    Map<String, Object> receive(@RequestHeader(name = SECRET_HEADER, required = false) String presented,
            @RequestBody JsonNode update) {
        if (!secret.matches(presented)) {
            throw new UnauthorizedException("telegram-secret", "The Telegram secret token is missing or wrong.");
        }
        TelegramPost post = post(update);
        if (post == null) {
            log.debug("Skipping a Telegram update that is no channel post");
            return Map.of("ok", true, "signal_ids", List.of());
        }
        List<UUID> ids = ingest.receive(post);
        return Map.of("ok", true, "signal_ids", ids);
    }

    /** The channel post of an update, or null for other updates and ones without the ids a post needs. */
    static TelegramPost post(JsonNode update) {
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
            return null;
        }
        JsonNode message = update.has("edited_channel_post") ? update.get("edited_channel_post")
                : update.get("channel_post");
        if (message == null || !message.isObject() || !message.path("message_id").canConvertToLong()
                || !message.path("chat").path("id").canConvertToLong()) {
            return null;
        }
        JsonNode text = message.has("text") ? message.get("text") : message.get("caption");
        long date = message.path("date").canConvertToLong() ? message.path("date").asLong() : 0;
        JsonNode edited = message.get("edit_date");
        return new TelegramPost(update.get("update_id").asLong(), message.path("chat").path("id").asLong(),
                message.path("chat").path("title").isString() ? message.path("chat").path("title").asString() : null,
                message.get("message_id").asLong(), text != null && text.isString() ? text.asString() : null,
                date > 0 ? Instant.ofEpochSecond(date) : Instant.now(),
                edited != null && edited.canConvertToLong() ? Instant.ofEpochSecond(edited.asLong()) : null);
    }
}
