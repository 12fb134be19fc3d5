package io.cryptotracker.notifications.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.security.Tier;
import org.junit.jupiter.api.Test;

/** The in-memory projection: order-safe per field, idempotent, unknown users empty. */
class UserDirectoryEntryTest {

    final UUID user = UUID.randomUUID();
    final UserDirectory directory = new UserDirectory(null);

    SubscriptionChanged tier(String tier, String at) {
        return new SubscriptionChanged(UUID.randomUUID(), SubscriptionChanged.TYPE, 1, Instant.parse(at), user, tier,
                "ACTIVE", tier, Instant.parse(at), null, true);
    }

    PreferencesChanged prefs(String min, String at) {
        return new PreferencesChanged(UUID.randomUUID(), PreferencesChanged.TYPE, 1, Instant.parse(at), user,
                new PreferencesChanged.Channels(true, true, false), List.of("mexc-dex"), new BigDecimal(min),
                List.of(), List.of(), null, "Europe/Paris");
    }

    @Test
    void anUnknownUserIsEmptyAndAUserWithoutEventsForAFieldGetsDefaults() {
        assertThat(directory.find(user)).isEmpty();

        directory.apply(UserRegistered.of(user, "a@example.com", "a", List.of("USER"), "FREE",
                Instant.parse("2026-11-24T01:00:00Z")));

        UserView view = directory.find(user).orElseThrow();
        assertThat(view.email()).isEqualTo("a@example.com");
        assertThat(view.tier()).isEqualTo(Tier.FREE);
        assertThat(view.tierChangedAt()).isEqualTo("2026-11-24T01:00:00Z");
        assertThat(view.prefs()).isEqualTo(Preferences.DEFAULT);
    }

    @Test
    void anOlderEventChangesNoFieldANewerOneSet() {
        directory.apply(tier("VIP", "2026-11-24T02:00:00Z"));
        directory.apply(tier("FREE", "2026-11-24T01:00:00Z"));
        directory.apply(prefs("3", "2026-11-24T02:00:00Z"));
        directory.apply(prefs("1", "2026-11-24T01:30:00Z"));
        directory.apply(UserRegistered.of(user, "late@example.com", "late", List.of("USER"), "FREE",
                Instant.parse("2026-11-24T00:00:00Z")));

        UserView view = directory.find(user).orElseThrow();
        assertThat(view.tier()).isEqualTo(Tier.VIP);
        assertThat(view.tierChangedAt()).isEqualTo("2026-11-24T02:00:00Z");
        assertThat(view.prefs().minSpreadPercent()).isEqualByComparingTo("3");
        assertThat(view.prefs().timezone()).isEqualTo("Europe/Paris");
        assertThat(view.email()).isEqualTo("late@example.com");
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        SubscriptionChanged vip = tier("VIP", "2026-11-24T02:00:00Z");
        directory.apply(vip);
        UserView once = directory.find(user).orElseThrow();

        directory.apply(vip);

        assertThat(directory.find(user)).contains(once);
        assertThat(directory.all()).containsExactly(once);
    }

    @Test
    void mergingAStoredAndAMemoryEntryKeepsTheNewerOfEachField() {
        UserDirectory.Entry stored = new UserDirectory.Entry(user, "x@example.com", Tier.VIP,
                Instant.parse("2026-11-24T02:00:00Z"), Preferences.DEFAULT, Instant.parse("2026-11-24T01:00:00Z"));
        UserDirectory.Entry memory = new UserDirectory.Entry(user, null, Tier.FREE,
                Instant.parse("2026-11-24T01:00:00Z"), Preferences.from(prefs("5", "2026-11-24T03:00:00Z")),
                Instant.parse("2026-11-24T03:00:00Z"));

        UserDirectory.Entry merged = memory.newest(stored);

        assertThat(merged.email()).isEqualTo("x@example.com");
        assertThat(merged.tier()).isEqualTo(Tier.VIP);
        assertThat(merged.prefs().minSpreadPercent()).isEqualByComparingTo("5");
    }
}
