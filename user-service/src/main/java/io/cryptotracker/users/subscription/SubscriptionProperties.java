package io.cryptotracker.users.subscription;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param expiryCheckInterval how often {@link SubscriptionExpiry} looks for VIP plans that have run out; the
 *        {@code @Scheduled} trigger reads the same property
 * @param expiryBatchSize plans ended per run at most (the rest in the next run)
 */
@Validated
@ConfigurationProperties("cryptotracker.users.subscriptions")
public record SubscriptionProperties(@NotNull Duration expiryCheckInterval,
        @DefaultValue("500") int expiryBatchSize) {
}
