package io.cryptotracker.users.subscription;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.users.audit.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The caller's plan ({@code GET/PUT /users/me/subscription}) and the admins' grant/extend/end of VIP
 * ({@code PUT /admin/users/{id}/subscription}, role ADMIN). Answers carry the plan and the tier it gives now.
 */
@RestController
class SubscriptionController {

    private final SubscriptionChanges subscriptions;
    private final RequestOrigins origins;

    SubscriptionController(SubscriptionChanges subscriptions, RequestOrigins origins) {
        this.subscriptions = subscriptions;
        this.origins = origins;
    }

    @GetMapping("/api/v1/users/me/subscription")
    SubscriptionResponse mine(@AuthenticationPrincipal AuthenticatedUser user) {
        return respond(subscriptions.current(user));
    }

    /** {@code {"auto_renew": false}}, {@code {"auto_renew": true}} or {@code {"status": "CANCELLED"}}. */
    @PutMapping("/api/v1/users/me/subscription")
    SubscriptionResponse changeMine(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody JsonNode body,
            HttpServletRequest request) {
        SubscriptionRequests.OwnChange change = SubscriptionRequests.OwnChange.parse(body);
        return respond(subscriptions.changeOwn(user, change, origins.of(request)));
    }

    /** {@code {"plan": "VIP", "expires_at": "2026-12-31T00:00:00Z"}} or {@code {"plan": "FREE"}}. */
    @PutMapping("/api/v1/admin/users/{id}/subscription")
    @PreAuthorize("hasRole('ADMIN')")
    SubscriptionResponse changeByAdmin(@PathVariable UUID id, @RequestBody JsonNode body) {
        SubscriptionRequests.AdminChange change = SubscriptionRequests.AdminChange.parse(body, subscriptions.now());
        return respond(subscriptions.changeByAdmin(id, change));
    }

    private SubscriptionResponse respond(Subscription subscription) {
        Instant now = subscriptions.now();
        return new SubscriptionResponse(subscription.userId(), subscription.plan().name(),
                subscription.status().name(), subscription.startedAt(), subscription.expiresAt(),
                subscription.autoRenew(), subscription.tier(now).name());
    }

    /** A plan and the tier it gives now. */
    record SubscriptionResponse(UUID userId, String plan, String status, Instant startedAt, Instant expiresAt,
            boolean autoRenew, String tier) {
    }
}
