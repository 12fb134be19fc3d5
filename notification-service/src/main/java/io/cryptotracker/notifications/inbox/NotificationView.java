package io.cryptotracker.notifications.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One stored notification as {@code GET /api/v1/notifications} shows it. */
public record NotificationView(UUID id, UUID signalId, String kind, String symbol, BigDecimal spreadPercent,
        String title, String body, Instant createdAt, boolean read, Instant readAt) {
}
