package io.cryptotracker.gateway.ratelimit;

/**
 * What this instance holds of one caller's shared bucket: tokens it took ahead of the caller's requests (the lease),
 * and, after the shared bucket refused, until when it refuses without asking again.
 * <p>
 * Only one lease-sized grant per caller is asked for at a time; requests arriving while it is on its way ask for their
 * own token alone. So one instance never holds more than {@code size - 1} of a caller's tokens, and holds them for at
 * most the lease's duration: after that the next request for the caller gives them back in its own Redis call.
 */
final class TokenLease {

    /** Tokens taken from the shared bucket and not handed out yet. */
    private long tokens;
    /** When the tokens stop being handed out (and go back with the next call). */
    private long expiresAt;
    /** What the shared bucket had left when the tokens were taken. */
    private long sharedRemaining;
    /** The shared bucket was empty: refuse here until then. */
    private long refusedUntil;
    /** When the shared bucket gets its next token, as it said when it refused. */
    private long tokenDueAt;
    /** A grant of more than one token is on its way. */
    private boolean granting;

    /**
     * Decides from the lease when it can: a token it still holds, or a refusal it still remembers. Otherwise says what
     * to ask the shared bucket for.
     */
    synchronized Step take(long now, long size) {
        if (now < expiresAt && tokens > 0) {
            tokens--;
            return new Step(new BucketAnswer(true, sharedRemaining + tokens, 0), 0, 0);
        }
        if (now < refusedUntil) {
            return new Step(new BucketAnswer(false, 0, tokenDueAt - now), 0, 0);
        }
        long giveBack = 0;
        if (now >= expiresAt) {
            giveBack = tokens;
            tokens = 0;
        }
        if (size > 1 && !granting) {
            granting = true;
            return new Step(null, size, giveBack);
        }
        return new Step(null, 1, giveBack);
    }

    /** Takes in the shared bucket's answer to a request that asked for {@code wanted} tokens, and answers it. */
    synchronized BucketAnswer granted(RedisTokenBuckets.Grant grant, long wanted, long now, long durationMillis) {
        if (wanted > 1) {
            granting = false;
        }
        if (!grant.allowed()) {
            tokenDueAt = now + grant.waitMillis();
            refusedUntil = Math.min(tokenDueAt, now + durationMillis);
            return grant.answer();
        }
        if (grant.granted() > 1) {
            tokens += grant.granted() - 1;
            expiresAt = now + durationMillis;
            sharedRemaining = grant.remaining();
        }
        refusedUntil = 0;
        return new BucketAnswer(true, grant.remaining() + tokens, 0);
    }

    /** The shared bucket did not answer a request that asked for {@code wanted} tokens, or it was not waited for. */
    synchronized void failed(long wanted) {
        if (wanted > 1) {
            granting = false;
        }
    }

    /**
     * One request's step: decided from the lease ({@code answer} set), or to be asked of the shared bucket.
     *
     * @param answer the decision, or {@code null} when the shared bucket decides
     * @param want how many tokens to ask for: one for the request, the rest to lease
     * @param giveBack unused tokens of an expired lease, to return in the same call
     */
    record Step(BucketAnswer answer, long want, long giveBack) {
    }
}
