package io.cryptotracker.auth.audit;

/**
 * Where a request came from, as recorded in audit events.
 *
 * @param ip the client address (see {@code io.cryptotracker.common.web.ClientIpResolver})
 * @param userAgent the {@code User-Agent} header, shortened; may be null
 */
public record RequestOrigin(String ip, String userAgent) {

    static final int MAX_USER_AGENT = 256;

    public RequestOrigin {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }

    /** For changes no request caused (start-up, events). */
    public static RequestOrigin system() {
        return new RequestOrigin(null, null);
    }
}
