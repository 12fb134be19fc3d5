package io.cryptotracker.gateway.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
 * @param verifiedTokenCache how long and how many verified tokens are remembered ({@link VerifiedTokens})
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.auth")
public record EdgeAuthProperties(@NotEmpty List<String> publicEndpoints, @DefaultValue List<String> ticketPaths,
        @NotNull @Valid @DefaultValue VerifiedTokenCache verifiedTokenCache) {

    /**
     * @param ttl the longest a verified token is remembered (never past its {@code exp}); {@code 0} turns it off
     * @param maxTokens how many tokens are remembered at most (each costs about 1 KB)
     */
    public record VerifiedTokenCache(@NotNull @DefaultValue("60s") Duration ttl,
            @PositiveOrZero @DefaultValue("20000") long maxTokens) {
    }
}
