package io.cryptotracker.gateway.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What may pass the gateway without a bearer token.
 *
 * @param publicEndpoints {@code "METHOD /path/pattern"} (or just {@code "/path/pattern"} for any method) open to
 *     anyone; everything else needs a valid access token
 * @param ticketPaths path patterns where a {@code ?ticket=} from notification-service may stand in for the token
 *     (browsers cannot set headers on a WebSocket upgrade); the service behind them checks the ticket
 * @param tokenCache how long the edge remembers a token it verified
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.auth")
public record EdgeAuthProperties(@NotEmpty List<String> publicEndpoints, @DefaultValue List<String> ticketPaths,
        @DefaultValue @Valid TokenCache tokenCache) {

    /**
     * @param ttl the longest a verified token is remembered (never past its {@code exp}); zero turns the cache off
     * @param maxTokens how many tokens at most
     */
    public record TokenCache(@DefaultValue("60s") Duration ttl, @DefaultValue("100000") @Positive long maxTokens) {

        boolean enabled() {
            return !ttl.isZero() && !ttl.isNegative();
        }
    }
}
