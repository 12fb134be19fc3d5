package io.cryptotracker.notifications.realtime;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.JwtAuthentication;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.notifications.users.UserView;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who may open {@code /ws/signals}, decided before the upgrade: a bearer token (already verified by the security
 * chain) or a one-time ticket, of a VIP user – unless this replica's projection says the user became FREE after the
 * token was issued.
 */
final class SocketAuthenticator {

    private final WsTickets tickets;
    private final UserDirectory directory;

    SocketAuthenticator(WsTickets tickets, UserDirectory directory) {
        this.tickets = tickets;
        this.directory = directory;
    }

    Mono<Outcome> authenticate(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(JwtAuthentication.class)
                .map(bearer -> decide(bearer.getPrincipal().id(), bearer.getPrincipal().tier(),
                        bearer.getToken().getIssuedAt()))
                .switchIfEmpty(Mono.defer(() -> byTicket(exchange)));
    }

    private Mono<Outcome> byTicket(ServerWebExchange exchange) {
        String ticket = exchange.getRequest().getQueryParams().getFirst("ticket");
        if (ticket == null || ticket.isBlank()) {
            return Mono.just(Outcome.unauthorized("A bearer token or a ticket from POST /api/v1/notifications/ws-ticket "
                    + "is required."));
        }
        return Mono.fromCallable(() -> tickets.consume(ticket))
                .subscribeOn(Schedulers.boundedElastic())
                .map(holder -> holder.map(h -> decide(h.userId(), Tier.VIP, h.tokenIssuedAt()))
                        .orElseGet(() -> Outcome.unauthorized("The ticket is unknown, already used or expired.")));
    }

    Outcome decide(UUID userId, Tier tokenTier, Instant tokenIssuedAt) {
        if (tokenTier != Tier.VIP) {
            return Outcome.forbidden("Live signals are for VIP users.");
        }
        if (downgradedSince(userId, tokenIssuedAt)) {
            return Outcome.forbidden("Your VIP subscription has ended.");
        }
        return new Outcome(200, null, userId, tokenIssuedAt);
    }

    /** Whether the projection says FREE by a change after the token was issued. */
    boolean downgradedSince(UUID userId, Instant tokenIssuedAt) {
        UserView view = directory.find(userId).orElse(null);
        return view != null && view.tier() == Tier.FREE && view.tierChangedAt() != null
                && (tokenIssuedAt == null || view.tierChangedAt().isAfter(tokenIssuedAt));
    }

    /** 200 with the user, or 401/403 with the problem's detail. */
    record Outcome(int status, String detail, UUID userId, Instant tokenIssuedAt) {

        static Outcome unauthorized(String detail) {
            return new Outcome(401, detail, null, null);
        }

        static Outcome forbidden(String detail) {
            return new Outcome(403, detail, null, null);
        }
    }
}
