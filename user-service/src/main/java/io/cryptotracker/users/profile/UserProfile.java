package io.cryptotracker.users.profile;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as user-service knows them.
 *
 * @param username null while the profile was made from an access token and UserRegistered has not arrived yet
 * @param createdAt when the user registered (or, until UserRegistered arrives, when they were first seen here)
 */
public record UserProfile(UUID id, String email, String username, Instant createdAt) {
}
