package io.cryptotracker.users.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import tools.jackson.databind.JsonNode;

/** Reads and checks the two subscription request bodies; every problem is a 400 naming its field. */
final class SubscriptionRequests {

    /** How far ahead an admin may set a VIP plan's end: further is almost surely a typo. */
    static final Duration MAX_VIP_AHEAD = Duration.ofDays(3660);

    private SubscriptionRequests() {
    }

    /**
     * The user's change, {@code PUT /users/me/subscription}: {@code {"auto_renew": true|false}} or
     * {@code {"status": "CANCELLED"}}.
     *
     * @param autoRenew null when not given
     * @param cancel whether {@code status: CANCELLED} was given
     */
    record OwnChange(Boolean autoRenew, boolean cancel) {

        static OwnChange parse(JsonNode body) {
            List<FieldError> errors = new ArrayList<>();
            if (!object(body, Set.of("auto_renew", "status"), errors)) {
                throw new ValidationException(errors);
            }
            Boolean autoRenew = null;
            boolean cancel = false;
            JsonNode renew = body.get("auto_renew");
            if (renew != null) {
                if (renew.isBoolean()) {
                    autoRenew = renew.booleanValue();
                }
                else {
                    errors.add(new FieldError("auto_renew", "must be true or false"));
                }
            }
            JsonNode status = body.get("status");
            if (status != null) {
                if (status.isString() && status.stringValue().equals("CANCELLED")) {
                    cancel = true;
                }
                else {
                    errors.add(new FieldError("status", "can only be set to CANCELLED"));
                }
            }
            if (errors.isEmpty() && renew == null && status == null) {
                errors.add(new FieldError("auto_renew", "give auto_renew (true or false) or status CANCELLED"));
            }
            if (cancel && Boolean.TRUE.equals(autoRenew)) {
                errors.add(new FieldError("auto_renew", "cannot be true when cancelling"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new OwnChange(autoRenew, cancel);
        }
    }

    /**
     * An admin's change, {@code PUT /admin/users/{id}/subscription}: {@code {"plan": "VIP", "expires_at": <future
     * time>}} grants or extends VIP, {@code {"plan": "FREE"}} ends it now.
     */
    record AdminChange(Subscription.Plan plan, Instant expiresAt) {

        static AdminChange parse(JsonNode body, Instant now) {
            List<FieldError> errors = new ArrayList<>();
            if (!object(body, Set.of("plan", "expires_at"), errors)) {
                throw new ValidationException(errors);
            }
            Subscription.Plan plan = null;
            JsonNode planNode = body.get("plan");
            if (planNode != null && planNode.isString() && Set.of("FREE", "VIP").contains(planNode.stringValue())) {
                plan = Subscription.Plan.valueOf(planNode.stringValue());
            }
            else {
                errors.add(new FieldError("plan", "must be FREE or VIP"));
            }
            Instant expiresAt = null;
            JsonNode expiresNode = body.get("expires_at");
            boolean expiresGiven = expiresNode != null && !expiresNode.isNull();
            if (plan == Subscription.Plan.VIP) {
                if (!expiresGiven) {
                    errors.add(new FieldError("expires_at", "is required for VIP, e.g. 2026-12-31T00:00:00Z"));
                }
                else {
                    expiresAt = instant(expiresNode);
                    if (expiresAt == null) {
                        errors.add(new FieldError("expires_at", "must be an ISO-8601 UTC time, e.g. 2026-12-31T00:00:00Z"));
                    }
                    else if (!expiresAt.isAfter(now)) {
                        errors.add(new FieldError("expires_at", "must be in the future"));
                    }
                    else if (expiresAt.isAfter(now.plus(MAX_VIP_AHEAD))) {
                        errors.add(new FieldError("expires_at", "must be at most ten years ahead"));
                    }
                }
            }
            else if (plan == Subscription.Plan.FREE && expiresGiven) {
                errors.add(new FieldError("expires_at", "must be left out for FREE: the plan ends VIP at once"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new AdminChange(plan, expiresAt);
        }

        private static Instant instant(JsonNode node) {
            if (!node.isString()) {
                return null;
            }
            try {
                return Instant.parse(node.stringValue());
            }
            catch (DateTimeParseException ex) {
                return null;
            }
        }
    }

    private static boolean object(JsonNode body, Set<String> known, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError(null, "the body must be a JSON object"));
            return false;
        }
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a field of this request; known are "
                        + String.join(", ", known.stream().sorted().toList())));
            }
        }
        return true;
    }
}
