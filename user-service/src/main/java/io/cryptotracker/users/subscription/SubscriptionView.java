package io.cryptotracker.users.subscription;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A plan as the API shows it, in {@code /users/me} and the subscription endpoints. */
public record SubscriptionView(Subscription.Plan plan, Subscription.Status status, Instant startedAt,
        @Schema(nullable = true) Instant expiresAt, boolean autoRenew) {

    public static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(subscription.plan(), subscription.status(),
                subscription.startedAt(), subscription.expiresAt(), subscription.autoRenew());
    }
}
