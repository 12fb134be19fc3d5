package io.cryptotracker.users.subscription;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.users.audit.RequestOrigins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's plan ({@code GET/PUT /users/me/subscription}) and the admins' grant/extend/end of VIP
 * ({@code PUT /admin/users/{id}/subscription}, role ADMIN). Answers carry the plan and the tier it gives now.
 */
@RestController
@Tag(name = "Subscription")
class SubscriptionController {

    private final SubscriptionChanges subscriptions;
    private final RequestOrigins origins;

    SubscriptionController(SubscriptionChanges subscriptions, RequestOrigins origins) {
        this.subscriptions = subscriptions;
        this.origins = origins;
    }

    @GetMapping("/api/v1/users/me/subscription")
    @Operation(operationId = "getSubscription", summary = "The caller's plan and the tier it gives now")
    SubscriptionResponse mine(@AuthenticationPrincipal AuthenticatedUser user) {
        return respond(subscriptions.current(user));
    }

    /** {@code {"auto_renew": false}}, {@code {"auto_renew": true}} or {@code {"status": "CANCELLED"}}. */
    @PutMapping("/api/v1/users/me/subscription")
    @Operation(operationId = "updateSubscription", summary = "Turn auto-renew on or off, or cancel")
    SubscriptionResponse changeMine(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody OwnChange body,
            HttpServletRequest request) {
        return respond(subscriptions.changeOwn(user, body.checked(), origins.of(request)));
    }

    /** {@code {"plan": "VIP", "expires_at": "2026-12-31T00:00:00Z"}} or {@code {"plan": "FREE"}}. */
    @PutMapping("/api/v1/admin/users/{id}/subscription")
    @Operation(operationId = "changeSubscriptionByAdmin", summary = "Grant, extend or end a user's VIP plan (role ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    SubscriptionResponse changeByAdmin(@PathVariable UUID id, @Valid @RequestBody AdminChange body) {
        return respond(subscriptions.changeByAdmin(id, body.checked(subscriptions.now())));
    }

    private SubscriptionResponse respond(Subscription subscription) {
        Instant now = subscriptions.now();
        return new SubscriptionResponse(subscription.userId(), subscription.plan(), subscription.status(),
                subscription.startedAt(), subscription.expiresAt(), subscription.autoRenew(), subscription.tier(now));
    }

    /** A plan and the tier it gives now. */
    record SubscriptionResponse(UUID userId, Subscription.Plan plan, Subscription.Status status, Instant startedAt,
            @Schema(nullable = true) Instant expiresAt, boolean autoRenew, Tier tier) {
    }
}
