package io.cryptotracker.users.profile;

import java.time.Instant;
import java.util.UUID;

/**
 * A profile was just created, inside the creating transaction: the features that keep per-user state (plan,
 * preferences) listen synchronously and add their defaults in the same transaction, so profile depends on none of
 * them.
 *
 * @param createdAt when the user registered (or first called, before UserRegistered)
 * @param now the transaction's time
 */
public record ProfileCreated(UUID userId, Instant createdAt, Instant now) {
}
