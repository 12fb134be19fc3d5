package io.cryptotracker.users.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_profiles} table. */
@Repository
public class Profiles {

    private final JdbcClient jdbc;

    public Profiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM user_profiles WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public Optional<UserProfile> find(UUID id) {
        return jdbc.sql("SELECT id, email, username, created_at FROM user_profiles WHERE id = ?").param(id)
                .query(Profiles::map).optional();
    }

    /** Inserts unless the profile exists (waiting for a concurrent insert of it to commit); true if inserted. */
    public boolean insertIfAbsent(UserProfile profile, Instant now) {
        return jdbc.sql("INSERT INTO user_profiles (id, email, username, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(profile.id(), profile.email(), profile.username(), Timestamp.from(profile.createdAt()),
                        Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Completes a profile made from an access token with what only the registration knows (the username and the
     * registration time); a profile made from the registration is left alone.
     */
    public boolean completeFromRegistration(UUID id, String username, Instant registeredAt, Instant now) {
        return jdbc.sql("UPDATE user_profiles SET username = ?, created_at = LEAST(created_at, ?), updated_at = ? "
                + "WHERE id = ? AND username IS NULL")
                .params(username, Timestamp.from(registeredAt), Timestamp.from(now), id).update() == 1;
    }

    private static UserProfile map(ResultSet rs, int row) throws SQLException {
        return new UserProfile(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("username"),
                rs.getTimestamp("created_at").toInstant());
    }
}
