package io.cryptotracker.signals.telegram;

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
        TelegramPost post = TelegramPost.from(update);
        if (post == null) {
            log.debug("Skipping a Telegram update that is no channel post");
            return Map.of("ok", true, "signal_ids", List.of());
        }
        List<UUID> ids = ingest.receive(post);
        return Map.of("ok", true, "signal_ids", ids);
    }
}
