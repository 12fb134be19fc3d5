package io.cryptotracker.notifications.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's notification history (SPEC "Notifications"): only their own, only once visible (a FREE user's after
 * the delay), newest first, with the unread count. Imperative on purpose: JDBC runs on the blocking executor.
 */
@RestController
class NotificationsController {

    private final NotificationStore store;
    private final Clock clock;

    NotificationsController(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code page}, {@code size}, {@code sort=created_at|spread_percent[,asc|desc]}, {@code unread=true|false}. */
    @GetMapping("/api/v1/notifications")
    NotificationPage list(@RequestParam Map<String, String> params, @AuthenticationPrincipal AuthenticatedUser user) {
        List<FieldError> errors = new ArrayList<>();
        Integer page = integer(params, "page", errors);
        Integer size = integer(params, "size", errors);
        Boolean unread = bool(params, "unread", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PageQuery query = PageQuery.parse(page, size, params.get("sort"), NotificationStore.SORTABLE.keySet(),
                "created_at,desc");
        Instant now = clock.instant();
        return NotificationPage.of(store.page(user.id(), Boolean.TRUE.equals(unread), query, now),
                store.unreadCount(user.id(), now));
    }

    /** 204 also when it was read already; 404 for an id that is not the caller's (or not visible to them yet). */
    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user) {
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

    /** Marks every visible notification of the caller read: {@code {"marked_read": n}}. */
    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> readAll(@AuthenticationPrincipal AuthenticatedUser user) {
        return Map.of("marked_read", store.markAllRead(user.id(), clock.instant()));
    }

    private static Integer integer(Map<String, String> params, String name, List<FieldError> errors) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    private static Boolean bool(Map<String, String> params, String name, List<FieldError> errors) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new FieldError(name, "must be true or false"));
        return null;
    }
}
