package io.cryptotracker.auth.throttle;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling per account and per client address.
 *
 * @param accountThreshold the failure of one account that first locks it
 * @param ipThreshold the failure from one address that first locks it (higher: NAT puts many users behind one)
 * @param firstLock the first lock; each further failure doubles it
 * @param maxLock the longest lock
 * @param forgetAfter failures are forgotten after this long without one
 */
@Validated
@ConfigurationProperties("cryptotracker.auth.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") @Min(1) int accountThreshold,
        @DefaultValue("20") @Min(1) int ipThreshold, @DefaultValue("30s") @NotNull Duration firstLock,
        @DefaultValue("15m") @NotNull Duration maxLock, @DefaultValue("1h") @NotNull Duration forgetAfter) {

    public ThrottleRule account() {
        return new ThrottleRule(accountThreshold, firstLock, maxLock, forgetAfter);
    }

    public ThrottleRule ip() {
        return new ThrottleRule(ipThreshold, firstLock, maxLock, forgetAfter);
    }
}
