package io.cryptotracker.auth.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.security.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserAccounts {

    private static final String COLUMNS = "id, email, username, password_hash, roles, tier, status, created_at, "
            + "updated_at, password_changed_at";

    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserAccounts::map)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_normalized = ?")
                .param(EmailAddress.normalize(email)).query(UserAccounts::map).optional();
    }

    public boolean existsByEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = ?").param(EmailAddress.normalize(email))
                .query(Long.class).single() > 0;
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the email is taken
     */
    public void insert(UserAccount account) {
        insertSql("").params(insertParams(account)).update();
    }

    /** Inserts unless the email is taken (waiting for a concurrent insert of it to finish); true if inserted. */
    public boolean insertIfAbsent(UserAccount account) {
        return insertSql(" ON CONFLICT (email_normalized) DO NOTHING").params(insertParams(account)).update() == 1;
    }

    private JdbcClient.StatementSpec insertSql(String suffix) {
        return jdbc.sql("INSERT INTO users (id, email, email_normalized, username, password_hash, roles, tier, status, "
                + "created_at, updated_at, password_changed_at) "
                + "VALUES (?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?)" + suffix);
    }

    private static List<Object> insertParams(UserAccount account) {
        return List.of(account.id(), account.email(), account.normalizedEmail(), account.username(),
                account.passwordHash(), String.join(",", account.roles()), account.tier().name(),
                account.status().name(), ts(account.createdAt()), ts(account.updatedAt()),
                ts(account.passwordChangedAt()));
    }

    /** Adds a role the account lacks; true if it was added. */
    public boolean grantRole(UUID id, String role, Instant now) {
        return jdbc.sql("UPDATE users SET roles = array_append(roles, ?), updated_at = ? "
                + "WHERE id = ? AND NOT (? = ANY (roles))").params(role, ts(now), id, role).update() == 1;
    }

    /** Replaces the password hash if it is still {@code expectedHash}; false when another change came first. */
    public boolean changePassword(UUID id, String expectedHash, String newHash, Instant now) {
        return jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? "
                + "WHERE id = ? AND password_hash = ?").params(newHash, ts(now), ts(now), id, expectedHash)
                .update() == 1;
    }

    /**
     * Replaces a hash of an outdated scheme by the same password's current hash, if it is still {@code expectedHash};
     * not a password change, so {@code password_changed_at} stays.
     */
    public boolean upgradePasswordHash(UUID id, String expectedHash, String newHash, Instant now) {
        return jdbc.sql("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ? AND password_hash = ?")
                .params(newHash, ts(now), id, expectedHash).update() == 1;
    }

    /**
     * Sets the tier from a subscription event unless a later event was applied already.
     *
     * @return true if the account exists and the tier was set
     */
    public boolean changeTier(UUID id, Tier tier, Instant eventTime, Instant now) {
        return jdbc.sql("UPDATE users SET tier = ?, tier_changed_at = ?, updated_at = ? "
                + "WHERE id = ? AND (tier_changed_at IS NULL OR tier_changed_at <= ?)")
                .params(tier.name(), ts(eventTime), ts(now), id, ts(eventTime)).update() == 1;
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("username"),
                rs.getString("password_hash"), roles(rs.getArray("roles")), Tier.valueOf(rs.getString("tier")),
                UserAccount.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("password_changed_at").toInstant());
    }

    private static List<String> roles(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
