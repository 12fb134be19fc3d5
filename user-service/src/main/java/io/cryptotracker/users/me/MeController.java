package io.cryptotracker.users.me;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.users.profile.Profiles;
import io.cryptotracker.users.profile.UserProfile;
import io.cryptotracker.users.subscription.Subscription;
import io.cryptotracker.users.subscription.SubscriptionChanges;
import io.cryptotracker.users.subscription.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's profile: stored fields, the tier their plan gives now (which a token issued before a change may
 * not show yet) and the roles of their token. Answers even before UserRegistered has arrived.
 */
@RestController
@Tag(name = "Profile")
@RequestMapping("/api/v1/users/me")
class MeController {

    private final Profiles profiles;
    private final SubscriptionChanges subscriptions;

    MeController(Profiles profiles, SubscriptionChanges subscriptions) {
        this.profiles = profiles;
        this.subscriptions = subscriptions;
    }

    @GetMapping
    @Operation(operationId = "getMe", summary = "The caller's profile, tier now, roles and plan")
    MeResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
        Subscription subscription = subscriptions.current(user);
        UserProfile profile = profiles.find(user.id()).orElseThrow();
        return new MeResponse(profile.id(), profile.email(), profile.username(), profile.createdAt(),
                subscription.tier(subscriptions.now()), user.roles().stream().sorted().toList(),
                SubscriptionView.of(subscription));
    }

    /** SPEC's {@code /users/me}: {id, email, username, created_at, tier, roles, subscription}. */
    record MeResponse(UUID id, String email, @Schema(nullable = true) String username, Instant createdAt,
            Tier tier, List<String> roles,
            SubscriptionView subscription) {
    }
}
