package io.cryptotracker.notifications.inbox;

import java.util.List;

import io.cryptotracker.common.web.PageResponse;

/** A page of the caller's notifications with the usual paging fields and the caller's unread count beside them. */
public record NotificationPage(List<NotificationView> items, int page, int size, long totalItems, int totalPages,
        long unreadCount) {

    public NotificationPage {
        items = List.copyOf(items);
    }

    static NotificationPage of(PageResponse<NotificationView> page, long unreadCount) {
        return new NotificationPage(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages(),
                unreadCount);
    }
}
