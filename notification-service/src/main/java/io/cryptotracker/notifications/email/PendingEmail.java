package io.cryptotracker.notifications.email;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A notification waiting on the email queue, with what the email says about it. */
record PendingEmail(UUID notificationId, String kind, String symbol, BigDecimal spreadPercent, String title,
        String body, Instant createdAt, int attempts) {
}
