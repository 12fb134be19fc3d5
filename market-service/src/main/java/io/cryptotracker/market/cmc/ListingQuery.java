package io.cryptotracker.market.cmc;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;

/** The filter of {@code GET /api/v1/market/cryptocurrencies}; blank counts as absent. */
record ListingQuery(@Parameter(description = "case-insensitive search in symbol and name") String q) {

    /** The search in lower case, or null for all. */
    String needle() {
        return q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
    }
}
