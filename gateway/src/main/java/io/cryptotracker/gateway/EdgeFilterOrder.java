package io.cryptotracker.gateway;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's own web filters, all before routing. The security headers and the request id come
 * first so that every answer, even a refused path or a 401, carries them; the client's address is decided right
 * after, once, for everything after it (rate limits, the headers the services get). A path that could be read two
 * ways is refused next, before anything decides on the path (routing, access rules, rate-limit policy), and an
 * oversized body before anything reads it. CORS comes before authentication because a browser's preflight never has a token.
 * Rate limiting follows authentication, so that a verified user is charged to their own bucket; a request that
 * authentication refuses is charged to its address's bucket on the way back. The WebSocket access check (tier,
 * ticket) comes last, after the caller was charged for the attempt.
 */
public final class EdgeFilterOrder {

    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE;
    public static final int REQUEST_ID = SECURITY_HEADERS + 1;
    public static final int CLIENT_ADDRESS = REQUEST_ID + 1;
    public static final int CANONICAL_PATH = REQUEST_ID + 2;
    public static final int REQUEST_BODY_LIMIT = REQUEST_ID + 3;
    public static final int NEVER_ROUTED = REQUEST_ID + 5;
    public static final int ERROR_BODIES = REQUEST_ID + 10;
    public static final int CORS = REQUEST_ID + 20;
    public static final int STRIP_USER_HEADERS = REQUEST_ID + 30;
    public static final int REFUSED_REQUEST_LIMIT = REQUEST_ID + 35;
    public static final int AUTHENTICATION = REQUEST_ID + 40;
    public static final int RATE_LIMIT = REQUEST_ID + 50;
    public static final int WEBSOCKET_ACCESS = REQUEST_ID + 60;

    private EdgeFilterOrder() {
    }
}
