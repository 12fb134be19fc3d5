package io.cryptotracker.common.web.input;

import io.cryptotracker.common.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A 413 for a request body declared larger than {@link #MAX_BYTES}, before anything reads it. The gateway caps
 * bodies at 64 KB; this is the services' own, looser line for callers that reach them directly. Free of servlet and
 * reactive types: both stacks call it.
 */
public final class BodySizeLimit {

    /** 1 MiB: no request of the API comes near it. */
    public static final long MAX_BYTES = 1024 * 1024;

    private BodySizeLimit() {
    }

    /** Throws the 413 for a declared length over the limit (-1: not declared, passes). */
    public static void check(long contentLength) {
        if (contentLength > MAX_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large",
                    "The request body is larger than " + MAX_BYTES + " bytes.");
        }
    }
}
