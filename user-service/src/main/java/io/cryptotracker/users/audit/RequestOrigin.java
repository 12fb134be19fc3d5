package io.cryptotracker.users.audit;

/**
 * Where a change came from, as recorded in audit events.
 *
 * @param ip the client address; null for changes no user request caused
 * @param userAgent the {@code User-Agent} header, shortened; may be null
 */
public record RequestOrigin(String ip, String userAgent) {

    static final int MAX_USER_AGENT = 256;

    public RequestOrigin {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }

    /** For changes no user request caused (the expiry job), or caused by someone the user should not see. */
    public static RequestOrigin none() {
        return new RequestOrigin(null, null);
    }
}
