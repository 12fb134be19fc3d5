package io.cryptotracker.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} every request carries through the suite, and the MDC keys our logs use. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "request_id";
    public static final String MDC_USER_ID = "user_id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The incoming id if it is safe to log and echo, otherwise a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
