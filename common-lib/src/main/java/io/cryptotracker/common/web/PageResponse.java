package io.cryptotracker.common.web;

import java.util.List;

/** The answer of every list endpoint: {@code {items, page, size, total_items, total_pages}}. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public PageResponse {
        items = List.copyOf(items);
    }

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
        int totalPages = (int) ((totalItems + query.size() - 1) / query.size());
        return new PageResponse<>(items, query.page(), query.size(), totalItems, totalPages);
    }
}
