package io.cryptotracker.auth.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_tokens} table; tokens are found by the SHA-256 of their value only. */
@Repository
public class RefreshTokenStore {

    private final JdbcClient jdbc;

    public RefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredRefreshToken token) {
        jdbc.sql("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(token.id(), token.userId(), token.familyId(), token.tokenHash(), ts(token.createdAt()),
                        ts(token.expiresAt()))
                .update();
    }

    public Optional<StoredRefreshToken> findByHash(byte[] tokenHash) {
        return jdbc.sql("SELECT id, user_id, family_id, token_hash, created_at, expires_at, used_at, revoked_at, "
                + "replaced_by FROM refresh_tokens WHERE token_hash = ?").param(tokenHash)
                .query(RefreshTokenStore::map).optional();
    }

    /**
     * Spends a token if nobody has spent or revoked it yet. Concurrent calls for one token are serialized by the
     * row lock of the UPDATE; exactly one of them wins.
     *
     * @return true if this call spent it
     */
    public boolean spend(UUID id, UUID replacedBy, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET used_at = ?, replaced_by = ? "
                + "WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(ts(now), replacedBy, id).update() == 1;
    }

    /** Revokes every token of the family that is not revoked yet. */
    public int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(ts(now), familyId).update();
    }

    /** Revokes every token of the user that is not revoked yet. */
    public int revokeAllOfUser(UUID userId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(ts(now), userId).update();
    }

    /** Deletes tokens that expired before {@code cutoff}; their families cannot be refreshed any more anyway. */
    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < ?").param(ts(cutoff)).update();
    }

    private static StoredRefreshToken map(ResultSet rs, int row) throws SQLException {
        return new StoredRefreshToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getObject("family_id", UUID.class), rs.getBytes("token_hash"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "used_at"), instant(rs, "revoked_at"),
                rs.getObject("replaced_by", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
