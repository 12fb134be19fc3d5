package io.cryptotracker.notifications.inbox;

import io.cryptotracker.common.web.PageQuery;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * The query of {@code GET /api/v1/notifications}. Each value's form is checked here (a malformed one is a 400 naming
 * it); the paging range and the sort field by {@link PageQuery} once the forms are right.
 */
record NotificationListQuery(
        @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0",
                description = "page number from 0") @WholeNumber String page,
        @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + PageQuery.MAX_SIZE,
                defaultValue = "" + PageQuery.DEFAULT_SIZE, description = "items per page") @WholeNumber String size,
        @Schema(description = "`created_at` or `spread_percent`, optionally `,asc` or `,desc`",
                defaultValue = NotificationListQuery.DEFAULT_SORT, example = "spread_percent,desc") String sort,
        @Schema(type = "boolean", description = "true for unread notifications only")
        @Pattern(regexp = "(?i)true|false|\\s*", message = "must be true or false") String unread) {

    static final String DEFAULT_SORT = "created_at,desc";

    PageQuery pageQuery() {
        return PageQuery.parse(WholeNumber.Validator.parse(page), WholeNumber.Validator.parse(size), sort,
                NotificationStore.SORTABLE.keySet(), DEFAULT_SORT);
    }

    boolean unreadOnly() {
        return unread != null && unread.equalsIgnoreCase("true");
    }
}
