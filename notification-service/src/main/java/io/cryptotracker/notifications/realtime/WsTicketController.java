package io.cryptotracker.notifications.realtime;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.JwtAuthentication;
import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/notifications/ws-ticket} (VIP): a one-time ticket for {@code /ws/signals?ticket=}; and the
 * gateway's internal, non-consuming check {@code GET /internal/v1/ws-tickets/{ticket}} (never routed publicly).
 * Imperative: runs on the blocking pool.
 */
@RestController
@Tag(name = "WebSocket", description = "Tickets for opening /ws/signals from a browser")
class WsTicketController {

    private final WsTickets tickets;
    private final SocketAuthenticator authenticator;

    WsTicketController(WsTickets tickets, SocketAuthenticator authenticator) {
        this.tickets = tickets;
        this.authenticator = authenticator;
    }

    @PostMapping("/api/v1/notifications/ws-ticket")
    @Operation(operationId = "issueWsTicket", summary = "A one-time ticket (30 s) for /ws/signals?ticket=")
    @ApiResponse(responseCode = "200", description = "The ticket and when it expires")
    @ApiResponse(responseCode = "401", description = "No valid bearer token")
    @ApiResponse(responseCode = "403", description = "The caller is not VIP, or the token predates a tier change")
    TicketResponse issue(JwtAuthentication bearer) {
        if (bearer == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required.");
        }
        AuthenticatedUser user = bearer.getPrincipal();
        Instant issuedAt = bearer.getToken().getIssuedAt();
        SocketAuthenticator.Outcome outcome = authenticator.decide(user.id(), user.tier(), issuedAt);
        if (outcome.status() != 200) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", outcome.detail());
        }
        WsTickets.Issued issued = tickets.issue(user.id(), issuedAt);
        return new TicketResponse(issued.ticket(), issued.expiresAt());
    }

    @GetMapping("/internal/v1/ws-tickets/{ticket}")
    @Hidden
    TicketCheck check(@PathVariable String ticket) {
        return tickets.peek(ticket).map(holder -> new TicketCheck(holder.userId(), holder.expiresAt()))
                .orElseThrow(() -> new NotFoundException("No such ticket, or it was used or has expired."));
    }

    record TicketResponse(String ticket, Instant expiresAt) {
    }

    record TicketCheck(UUID userId, Instant expiresAt) {
    }
}
