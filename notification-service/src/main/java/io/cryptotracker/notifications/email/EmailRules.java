package io.cryptotracker.notifications.email;

import java.time.Instant;

import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.notifications.inbox.EmailEligibility;
import org.springframework.stereotype.Component;

/**
 * The inbox queues a signal's notifications for email only when email is on and the signal's event is not older
 * than {@code notifications.email.max-signal-age}: a consumer catching up on an old backlog must not mail stale
 * opportunities.
 */
@Component
class EmailRules implements EmailEligibility {

    private final EmailProperties properties;

    EmailRules(EmailProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean emailable(SignalCreated created, Instant now) {
        return properties.enabled() && !created.occurredAt().isBefore(now.minus(properties.maxSignalAge()));
    }
}
