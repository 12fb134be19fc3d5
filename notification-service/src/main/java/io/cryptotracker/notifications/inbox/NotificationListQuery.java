package io.cryptotracker.notifications.inbox;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/** The filter of {@code GET /api/v1/notifications} (its paging: {@link io.cryptotracker.common.web.PageParams}). */
record NotificationListQuery(
        @Schema(type = "boolean", description = "true for unread notifications only")
        @Pattern(regexp = "(?i)true|false|\\s*", message = "must be true or false") String unread) {

    boolean unreadOnly() {
        return unread != null && unread.equalsIgnoreCase("true");
    }
}
