package io.cryptotracker.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code refresh_tokens}: one token of a family (all tokens rotated from one login).
 *
 * @param usedAt when it was exchanged for its successor; a second use is theft
 * @param revokedAt when it was revoked (logout, theft, password change)
 * @param replacedBy the successor it was exchanged for
 */
public record StoredRefreshToken(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant createdAt,
        Instant expiresAt, Instant usedAt, Instant revokedAt, UUID replacedBy) {

    public static StoredRefreshToken issue(UUID userId, UUID familyId, byte[] tokenHash, Instant now,
            Duration ttl) {
        return new StoredRefreshToken(UUID.randomUUID(), userId, familyId, tokenHash, now, now.plus(ttl), null, null,
                null);
    }

    @Override
    public String toString() {
        return "StoredRefreshToken[id=" + id + ", familyId=" + familyId + ", expiresAt=" + expiresAt + ", usedAt="
                + usedAt + ", revokedAt=" + revokedAt + "]";
    }
}
