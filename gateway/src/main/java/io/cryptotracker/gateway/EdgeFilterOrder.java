package io.cryptotracker.gateway;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's own web filters, all before routing. The request id comes first so that every answer,
 * even a refused CORS preflight or a 401, carries it; CORS comes before authentication because a browser's
 * preflight never has a token.
 */
public final class EdgeFilterOrder {

    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    public static final int ERROR_BODIES = REQUEST_ID + 10;
    public static final int CORS = REQUEST_ID + 20;
    public static final int STRIP_USER_HEADERS = REQUEST_ID + 30;
    public static final int AUTHENTICATION = REQUEST_ID + 40;

    private EdgeFilterOrder() {
    }
}
