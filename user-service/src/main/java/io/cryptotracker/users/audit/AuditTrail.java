package io.cryptotracker.users.audit;

import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.AuditEvent;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Publishes user-service's own audit entries (plan and preference changes) as {@link AuditEvent}s through the
 * outbox; they come back through {@link AuditEventListener} like everyone else's, so the log has one way in.
 */
@Component
public class AuditTrail {

    /** Action names of the audit events user-service emits. */
    public enum Action {
        PREFERENCES_CHANGED, PLAN_CHANGED
    }

    public static final String SUCCESS = "SUCCESS";

    private final OutboxWriter outbox;

    public AuditTrail(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction of the change. */
    public void record(UUID userId, Action action, RequestOrigin origin, Map<String, String> details) {
        outbox.append(Topics.AUDIT, AuditEvent.of(userId, action.name(), SUCCESS, origin.ip(), origin.userAgent(),
                details));
    }
}
