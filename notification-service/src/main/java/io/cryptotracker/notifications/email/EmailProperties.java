package io.cryptotracker.notifications.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email notifications (SPEC "Notifications"); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param enabled off by default ({@code NOTIFICATIONS_EMAIL_ENABLED}); when off nothing is queued or sent
 * @param from the sender address ({@code MAIL_FROM})
 * @param maxPerHour emails per user in any hour, a digest counting as one ({@code NOTIFICATIONS_EMAIL_MAX_PER_HOUR})
 * @param digestAfter this many pending notifications go as one digest ({@code NOTIFICATIONS_EMAIL_DIGEST_AFTER})
 * @param batchWindow how long a user's first pending notification waits for others to join it
 *        ({@code NOTIFICATIONS_EMAIL_BATCH_WINDOW})
 * @param maxSignalAge a signal whose event is older than this when it is stored is not emailed (a consumer catching
 *        up on an old backlog must not mail stale opportunities) ({@code NOTIFICATIONS_EMAIL_MAX_SIGNAL_AGE})
 * @param pollInterval how often the dispatcher looks at the queue
 * @param retryBackoff the wait after an SMTP failure, doubled per failed attempt up to {@code maxRetryBackoff}
 */
@ConfigurationProperties("notifications.email")
public record EmailProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("CryptoTracker <notifications@cryptotracker.local>") String from,
        @DefaultValue("6") int maxPerHour, @DefaultValue("3") int digestAfter,
        @DefaultValue("PT1M") Duration batchWindow, @DefaultValue("PT30M") Duration maxSignalAge,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("PT30S") Duration retryBackoff, @DefaultValue("PT15M") Duration maxRetryBackoff) {
}
