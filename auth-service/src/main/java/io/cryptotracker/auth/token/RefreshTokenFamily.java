package io.cryptotracker.auth.token;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The rules of refresh-token families. Every login starts a family; every refresh spends the presented token and
 * issues its successor in the same family. A spent token presented again means two parties hold the family's
 * tokens (one of them a thief), so the whole family is revoked and both must sign in again.
 */
public final class RefreshTokenFamily {

    /** What to do with a presented token. */
    public enum Verdict {
        /** Valid and unspent: spend it and issue its successor. */
        ROTATE,
        /** Already spent: revoke the whole family. */
        REUSED,
        /** Revoked (logout, password change, earlier theft). */
        REVOKED,
        /** Past its expiry. */
        EXPIRED,
        /** Not the token it was looked up by (hash mismatch; cannot happen with an exact lookup). */
        UNKNOWN
    }

    private final Duration ttl;

    public RefreshTokenFamily(Duration ttl) {
        this.ttl = ttl;
    }

    /** The first token of a new family, for a login. */
    public StoredRefreshToken start(UUID userId, byte[] tokenHash, Instant now) {
        return StoredRefreshToken.issue(userId, UUID.randomUUID(), tokenHash, now, ttl);
    }

    /** The successor of a token being rotated: same user and family, a fresh lifetime. */
    public StoredRefreshToken successor(StoredRefreshToken spent, byte[] tokenHash, Instant now) {
        return StoredRefreshToken.issue(spent.userId(), spent.familyId(), tokenHash, now, ttl);
    }

    /**
     * Judges a stored token against the hash of what the client presented. A revoked token stays revoked even when
     * it is also spent; a spent one is reuse even when it has expired since.
     */
    public static Verdict judge(StoredRefreshToken token, byte[] presentedHash, Instant now) {
        if (!MessageDigest.isEqual(token.tokenHash(), presentedHash)) {
            return Verdict.UNKNOWN;
        }
        if (token.revokedAt() != null) {
            return Verdict.REVOKED;
        }
        if (token.usedAt() != null) {
            return Verdict.REUSED;
        }
        if (!now.isBefore(token.expiresAt())) {
            return Verdict.EXPIRED;
        }
        return Verdict.ROTATE;
    }
}
