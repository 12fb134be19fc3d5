package io.cryptotracker.gateway.ratelimit;

/**
 * A bucket's answer to one request.
 *
 * @param allowed whether a token was taken
 * @param remaining whole tokens left after this request
 * @param waitMillis when refused, how long until the next token; 0 when allowed
 */
public record BucketAnswer(boolean allowed, long remaining, long waitMillis) {
}
