package io.cryptotracker.gateway.ratelimit;

import jakarta.validation.constraints.Positive;

/**
 * A token bucket's size: {@code limit} requests per period on average, up to {@code burst} at once.
 *
 * @param limit tokens added per period
 * @param burst the bucket's capacity; a full bucket lets this many requests through back to back
 */
public record Quota(@Positive long limit, @Positive long burst) {

    public Quota {
        if (limit <= 0 || burst <= 0) {
            throw new IllegalArgumentException("A quota needs a positive limit and burst, not " + limit + "/" + burst);
        }
    }
}
