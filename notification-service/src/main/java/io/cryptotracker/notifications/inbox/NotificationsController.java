package io.cryptotracker.notifications.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.common.web.PageParams;
import io.cryptotracker.common.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's notification history (SPEC "Notifications"): only their own, only once visible (a FREE user's after
 * the delay), newest first, with the unread count. Imperative on purpose: JDBC runs on the blocking executor.
 */
@RestController
@Tag(name = "Notifications", description = "The caller's stored notifications")
class NotificationsController {

    private static final String DEFAULT_SORT = "created_at,desc";

    private final NotificationStore store;
    private final Clock clock;

    NotificationsController(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(operationId = "listNotifications", summary = "The caller's visible notifications, newest first",
            description = "Sorted by `created_at` (the default, descending) or `spread_percent`.")
    @ApiResponse(responseCode = "200", description = "A page of notifications with the unread count")
    @ApiResponse(responseCode = "400", description = "A malformed or out-of-range parameter, named in `errors`")
    @ApiResponse(responseCode = "401", description = "No valid bearer token")
    NotificationPage list(@Valid @ParameterObject NotificationListQuery query,
            @Valid @NotNull @ParameterObject PageParams paging, @AuthenticationPrincipal AuthenticatedUser user) {
        PageQuery page = paging.query(NotificationStore.SORTABLE.keySet(), DEFAULT_SORT);
        Instant now = clock.instant();
        return NotificationPage.of(store.page(user.id(), query.unreadOnly(), page, now),
                store.unreadCount(user.id(), now));
    }

    /** 204 also when it was read already; 404 for an id that is not the caller's (or not visible to them yet). */
    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markNotificationRead", summary = "Marks one of the caller's notifications read")
    @ApiResponse(responseCode = "204", description = "Read now or already")
    @ApiResponse(responseCode = "401", description = "No valid bearer token")
    @ApiResponse(responseCode = "404", description = "Not a notification of the caller's, or not visible yet")
    void read(@Parameter(description = "the notification's id (a UUID)") @PathVariable String id,
            @AuthenticationPrincipal AuthenticatedUser user) {
        UUID notificationId;
        try {
            notificationId = UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            throw new NotFoundException("There is no notification with this id.");
        }
        if (!store.markRead(user.id(), notificationId, clock.instant())) {
            throw new NotFoundException("There is no notification with this id.");
        }
    }

    @PostMapping("/api/v1/notifications/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Marks every visible notification of the caller read")
    @ApiResponse(responseCode = "200", description = "How many were marked")
    @ApiResponse(responseCode = "401", description = "No valid bearer token")
    MarkedRead readAll(@AuthenticationPrincipal AuthenticatedUser user) {
        return new MarkedRead(store.markAllRead(user.id(), clock.instant()));
    }

    /** {@code {"marked_read": n}}. */
    record MarkedRead(int markedRead) {
    }
}
