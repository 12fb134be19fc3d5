package io.cryptotracker.gateway.auth;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
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
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.auth")
public record EdgeAuthProperties(@NotEmpty List<String> publicEndpoints, @DefaultValue List<String> ticketPaths) {
}
