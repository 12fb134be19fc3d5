package io.cryptotracker.auth.audit;

import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.AuditEvent;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Records security-relevant actions on an account as {@link AuditEvent}s through the outbox, so an entry is
 * published exactly when the change it describes commits. Never given a password or a token.
 */
@Component
public class AuditTrail {

    /** Action names of the audit events auth-service emits. */
    public enum Action {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, PASSWORD_CHANGED, PASSWORD_CHANGE_FAILED, REFRESH_TOKEN_REUSED,
        LOGGED_OUT
    }

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    private final OutboxWriter outbox;

    public AuditTrail(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction of the change (or of the failure's bookkeeping). */
    public void record(UUID userId, Action action, String outcome, RequestOrigin origin, Map<String, String> details) {
        outbox.append(Topics.AUDIT, AuditEvent.of(userId, action.name(), outcome, origin.ip(), origin.userAgent(),
                details));
    }
}
