package io.cryptotracker.notifications.realtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time tickets for opening the socket from a browser (which cannot set headers on a WebSocket): 256 random bits,
 * valid {@code ticket-ttl}, usable once, stored only as a SHA-256 hash in {@code ws_tickets} so every replica (and the
 * gateway's check) sees them. Blocking JDBC: call off the event loop.
 */
final class WsTickets {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    WsTickets(JdbcClient jdbc, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new ticket for a VIP user whose access token was issued at {@code tokenIssuedAt}. */
    Issued issue(UUID userId, Instant tokenIssuedAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        jdbc.sql("DELETE FROM ws_tickets WHERE expires_at < ?").param(Timestamp.from(now.minusSeconds(60))).update();
        jdbc.sql("INSERT INTO ws_tickets (ticket_hash, user_id, token_issued_at, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(hash(ticket), userId, tokenIssuedAt == null ? null : Timestamp.from(tokenIssuedAt),
                        Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        return new Issued(ticket, expiresAt);
    }

    /** Uses a ticket up: the holder if it was valid; empty if unknown, used or expired. */
    Optional<Holder> consume(String ticket) {
        if (!wellFormed(ticket)) {
            return Optional.empty();
        }
        return jdbc.sql("DELETE FROM ws_tickets WHERE ticket_hash = ? AND expires_at > ? "
                + "RETURNING user_id, token_issued_at, expires_at")
                .params(hash(ticket), Timestamp.from(clock.instant()))
                .query((rs, row) -> holder(rs))
                .optional();
    }

    /** Looks at a ticket without using it up (the gateway's check before it proxies the upgrade). */
    Optional<Holder> peek(String ticket) {
        if (!wellFormed(ticket)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id, token_issued_at, expires_at FROM ws_tickets "
                + "WHERE ticket_hash = ? AND expires_at > ?")
                .params(hash(ticket), Timestamp.from(clock.instant()))
                .query((rs, row) -> holder(rs))
                .optional();
    }

    private static Holder holder(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp issued = rs.getTimestamp("token_issued_at");
        return new Holder(rs.getObject("user_id", UUID.class), issued == null ? null : issued.toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static boolean wellFormed(String ticket) {
        return ticket != null && !ticket.isEmpty() && ticket.length() <= 128;
    }

    static String hash(String ticket) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(ticket.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    record Issued(String ticket, Instant expiresAt) {
    }

    /** Who a ticket was issued to, and when that user's access token was issued (for the downgrade check). */
    record Holder(UUID userId, Instant tokenIssuedAt, Instant expiresAt) {
    }
}
