package io.cryptotracker.notifications.users;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.Tier;

/**
 * What notification-service knows of a user, projected from the users topic.
 *
 * @param email null until {@code UserRegistered} has been seen
 * @param tier FREE until an event said otherwise
 * @param tierChangedAt when the event that set {@code tier} occurred; null when no event set it
 * @param prefs {@link Preferences#DEFAULT} until {@code PreferencesChanged} has been seen
 */
public record UserView(UUID id, String email, Tier tier, Instant tierChangedAt, Preferences prefs) {

    public boolean vip() {
        return tier == Tier.VIP;
    }
}
