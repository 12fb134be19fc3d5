package io.cryptotracker.notifications.inbox;

import java.time.Instant;

import io.cryptotracker.common.events.SignalCreated;

/**
 * Whether the notifications of a new signal may go on the email queue at all (the user's tier and email channel are
 * checked per notification by {@link SignalInbox}). Answered by the email feature, which owns its settings: the
 * inbox does not depend on it.
 */
@FunctionalInterface
public interface EmailEligibility {

    /** @param now the time the notifications are stored */
    boolean emailable(SignalCreated created, Instant now);
}
