package io.cryptotracker.notifications.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param freeDelay how long after a signal's detection a FREE user's notification becomes visible
 *        ({@code SIGNALS_FREE_DELAY}, like signals-service's {@code signals.free-delay})
 * @param retention how long notifications are kept ({@code NOTIFICATIONS_RETENTION})
 * @param cleanupInterval how often older ones are removed
 */
@ConfigurationProperties("notifications.inbox")
public record InboxProperties(@DefaultValue("PT15M") Duration freeDelay, @DefaultValue("P90D") Duration retention,
        @DefaultValue("PT1H") Duration cleanupInterval) {
}
