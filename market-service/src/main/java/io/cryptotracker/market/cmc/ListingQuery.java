package io.cryptotracker.market.cmc;

import java.util.Locale;
import java.util.Set;

import io.cryptotracker.common.web.PageQuery;
import io.swagger.v3.oas.annotations.Parameter;

/** The query string of {@code GET /api/v1/market/cryptocurrencies}; blank values count as absent. */
record ListingQuery(
        @Parameter(description = "from 0") Integer page,
        @Parameter(description = "1 to 200, 20 when absent") Integer size,
        @Parameter(description = "rank (default), price, market_cap, volume_24h, percent_change_1h, "
                + "percent_change_24h, percent_change_7d, symbol or name, each with ,asc or ,desc; missing values last")
        String sort,
        @Parameter(description = "case-insensitive search in symbol and name") String q) {

    /** Paging and sorting over the given fields, checked (a 400 naming {@code page}, {@code size} or {@code sort}). */
    PageQuery pageQuery(Set<String> sortable) {
        return PageQuery.parse(page, size, sort, sortable, "rank,asc");
    }

    /** The search in lower case, or null for all. */
    String needle() {
        return q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
    }
}
