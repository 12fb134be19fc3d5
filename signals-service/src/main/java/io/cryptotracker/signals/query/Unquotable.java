package io.cryptotracker.signals.query;

import io.cryptotracker.common.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * 422: the signal exists but its route cannot be priced – it names no venues ({@value #NO_ROUTE}), or this replica
 * holds no recent market of them ({@value #NO_MARKET}). The request itself was right; a later one may succeed.
 */
class Unquotable extends ApiException {

    static final String NO_ROUTE = "quote-no-route";
    static final String NO_MARKET = "quote-no-market";

    private Unquotable(String code, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Unprocessable Content", detail);
    }

    static Unquotable noRoute() {
        return new Unquotable(NO_ROUTE, "This signal names no venues to trade (a post or manual signal without its "
                + "route), so it cannot be priced.");
    }

    static Unquotable noMarket(String symbol) {
        return new Unquotable(NO_MARKET, "There is no recent market of this signal's venues for " + symbol
                + " yet; it is priced once market-service reports them again.");
    }
}
