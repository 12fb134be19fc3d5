package io.cryptotracker.gateway.websocket;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway checks who may open a WebSocket ({@code cryptotracker.gateway.auth.ticket-paths}).
 *
 * @param ticketCheckUri where a {@code ?ticket=} is checked without being used up; {@code {ticket}} is replaced by
 *     the ticket. {@code lb://} goes through the load balancer to any notification-service replica (tickets live in
 *     PostgreSQL, shared by the replicas)
 * @param ticketCheckTimeout the longest the check may take before the upgrade is refused with 503
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.websocket")
public record WebSocketAccessProperties(
        @NotBlank @DefaultValue("lb://notification-service/internal/v1/ws-tickets/{ticket}") String ticketCheckUri,
        @NotNull @DefaultValue("2s") Duration ticketCheckTimeout) {
}
