package io.cryptotracker.auth.config;

import java.time.Clock;
import java.time.Instant;

import io.cryptotracker.auth.throttle.LoginThrottle;
import io.cryptotracker.auth.throttle.LoginThrottleProperties;
import io.cryptotracker.auth.token.RefreshTokenStore;
import io.cryptotracker.auth.token.TokenProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes refresh tokens long expired and throttle rows whose failures are forgotten. Idempotent deletes, so
 * replicas running it at once do no harm.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final RefreshTokenStore refreshTokens;
    private final LoginThrottle throttle;
    private final TokenProperties tokens;
    private final LoginThrottleProperties throttling;
    private final Clock clock;

    Housekeeping(RefreshTokenStore refreshTokens, LoginThrottle throttle, TokenProperties tokens,
            LoginThrottleProperties throttling, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.tokens = tokens;
        this.throttling = throttling;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void clean() {
        Instant now = clock.instant();
        // kept for a further lifetime after expiry, so a replayed old token of a live family is still recognised
        int tokens = refreshTokens.deleteExpiredBefore(now.minus(this.tokens.refreshTokenTtl()));
        int throttles = throttle.forgetBefore(now.minus(throttling.forgetAfter()).minus(throttling.maxLock()));
        if (tokens + throttles > 0) {
            log.info("Housekeeping deleted {} expired refresh tokens and {} stale login throttles", tokens, throttles);
        }
    }
}
