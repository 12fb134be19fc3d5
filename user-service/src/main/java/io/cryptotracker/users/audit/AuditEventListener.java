package io.cryptotracker.users.audit;

import java.time.Clock;

import io.cryptotracker.common.events.AuditEvent;
import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.messaging.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps every {@link AuditEvent} of {@code cryptotracker.audit.v1}, from any service, in the audit log, once. */
@Component
class AuditEventListener {

    static final String CONSUMER = "user-service.audit-log";

    private final IdempotentConsumer idempotent;
    private final AuditLog auditLog;
    private final Clock clock;

    AuditEventListener(IdempotentConsumer idempotent, AuditLog auditLog, Clock clock) {
        this.idempotent = idempotent;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @KafkaListener(id = "user-service-audit", topics = Topics.AUDIT,
            groupId = "${spring.kafka.consumer.group-id:user-service}")
    void onAuditEvent(String payload) {
        DomainEvent event = EventJson.tryRead(payload).orElse(null);
        if (event instanceof AuditEvent audit && audit.userId() != null && audit.action() != null) {
            idempotent.process(CONSUMER, audit.eventId(), () -> auditLog.insert(audit, clock.instant()));
        }
    }
}
