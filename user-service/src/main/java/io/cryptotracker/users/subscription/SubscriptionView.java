package io.cryptotracker.users.subscription;

import java.time.Instant;

/** A plan as the API shows it, in {@code /users/me} and the subscription endpoints. */
public record SubscriptionView(String plan, String status, Instant startedAt, Instant expiresAt, boolean autoRenew) {

    public static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(subscription.plan().name(), subscription.status().name(),
                subscription.startedAt(), subscription.expiresAt(), subscription.autoRenew());
    }
}
