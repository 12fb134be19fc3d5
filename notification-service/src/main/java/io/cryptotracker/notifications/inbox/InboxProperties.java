package io.cryptotracker.notifications.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param freeDelay how long after a signal's detection a FREE user's notification becomes visible
 *        ({@code SIGNALS_FREE_DELAY}, like signals-service's {@code signals.free-delay})
 */
@ConfigurationProperties("notifications.inbox")
public record InboxProperties(@DefaultValue("PT15M") Duration freeDelay) {
}
