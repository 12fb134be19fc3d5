package io.cryptotracker.notifications.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Notification ids are derived, not drawn: the same (user, signal event) always gives the same id, so the socket's
 * {@code notification} frame and the stored notification carry one id without coordination, and a redelivered
 * event stores nothing twice.
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    public static UUID of(UUID userId, UUID eventId) {
        return UUID.nameUUIDFromBytes((userId + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
