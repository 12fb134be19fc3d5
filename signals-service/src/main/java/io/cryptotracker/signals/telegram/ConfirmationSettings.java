package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Telegram signals are checked against our own feed ({@code signals.telegram.confirm-*}).
 *
 * @param confirmWindow our series is read from the post's time minus this to its time plus this
 * @param confirmTolerance a post is confirmed when our highest gross spread in the window reaches the channel's
 *        spread less this share of it (0.25: at least 75 % of it)
 * @param confirmCheckInterval how often the due posts are checked
 * @param confirmBatch at most this many signals per check and replica
 */
@ConfigurationProperties("signals.telegram")
public record ConfirmationSettings(@DefaultValue("10m") Duration confirmWindow,
        @DefaultValue("0.25") BigDecimal confirmTolerance, @DefaultValue("30s") Duration confirmCheckInterval,
        @DefaultValue("200") int confirmBatch) {

    public ConfirmationSettings {
        if (confirmTolerance.signum() < 0 || confirmTolerance.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("signals.telegram.confirm-tolerance must be between 0 and 1");
        }
        if (confirmWindow.isNegative() || confirmBatch < 1) {
            throw new IllegalArgumentException(
                    "signals.telegram.confirm-window must not be negative and confirm-batch must be positive");
        }
    }
}
