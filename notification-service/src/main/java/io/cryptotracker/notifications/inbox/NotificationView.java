package io.cryptotracker.notifications.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One stored notification as {@code GET /api/v1/notifications} shows it.
 *
 * @param signalId null unless {@code category} is {@code signal}
 * @param spreadPercent null unless {@code category} is {@code signal}
 * @param category {@code signal} (a new signal) or {@code funding-interval} (a venue changed a funding interval)
 */
public record NotificationView(UUID id, @Schema(nullable = true) UUID signalId, String kind, String symbol,
        @Schema(nullable = true) BigDecimal spreadPercent, String title, String body, Instant createdAt, boolean read,
        Instant readAt, String category) {
}
