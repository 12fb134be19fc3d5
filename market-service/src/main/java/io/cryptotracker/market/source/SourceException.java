package io.cryptotracker.market.source;

import java.time.Duration;

/** A call to an external source failed; {@link #kind()} says how, so callers can back off or report it. */
public class SourceException extends RuntimeException {

    /** What went wrong, as a metric tag and a health detail. */
    public enum Kind {
        /** 429, a 418 ban, or the source's own rate-limit code: wait before the next call. */
        RATE_LIMITED,
        /** The key is missing, invalid or its plan does not allow the call (401/402/403, CMC 1001–1007). */
        REJECTED,
        /** 5xx, a timeout or a broken connection. */
        UNAVAILABLE,
        /** The body is not the JSON the source documents. */
        MALFORMED,
        /** Any other refusal, e.g. an error code inside a 200 answer. */
        FAILED
    }

    private final String source;
    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public SourceException(String source, Kind kind, int status, Duration retryAfter, String message) {
        super(source + ": " + message, null, false, false);
        this.source = source;
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public SourceException(String source, Kind kind, String message) {
        this(source, kind, 0, null, message);
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** How long the source asked us to wait, null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
