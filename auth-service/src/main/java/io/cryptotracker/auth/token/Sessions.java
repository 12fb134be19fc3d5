package io.cryptotracker.auth.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.cryptotracker.auth.account.UserAccount;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.audit.AuditTrail;
import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.common.web.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's sessions: token pairs issued at login, rotated on refresh, revoked at logout, on theft and when the
 * password changes. Refresh tokens live in {@link RefreshTokenStore} by hash; the rules are
 * {@link RefreshTokenFamily}'s.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final RefreshTokenStore store;
    private final RefreshTokenFamily families;
    private final AccessTokenIssuer accessTokens;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(RefreshTokenStore store, RefreshTokenFamily families, AccessTokenIssuer accessTokens,
            UserAccounts users, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.families = families;
        this.accessTokens = accessTokens;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new family for a successful login; joins the login's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public TokenPair open(UserAccount user) {
        RefreshTokenSecret refresh = RefreshTokenSecret.generate(random);
        store.insert(families.start(user.id(), refresh.hash(), now()));
        return TokenPair.of(accessTokens.issue(user), refresh);
    }

    /**
     * Exchanges a refresh token for a new pair whose access token carries the user's current tier and roles.
     *
     * @throws UnauthorizedException for an unknown, expired, revoked or spent token; a spent one also revokes its
     *     whole family (the revocation commits although the call fails)
     */
    public TokenPair refresh(String presented, RequestOrigin origin) {
        if (!RefreshTokenSecret.isWellFormed(presented)) {
            throw invalid();
        }
        byte[] hash = RefreshTokenSecret.hash(presented);
        Optional<TokenPair> pair = transactions.execute(status -> rotate(hash, origin));
        return Optional.ofNullable(pair).flatMap(p -> p).orElseThrow(Sessions::invalid);
    }

    private Optional<TokenPair> rotate(byte[] hash, RequestOrigin origin) {
        Optional<StoredRefreshToken> found = store.findByHash(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRefreshToken token = found.get();
        Instant now = now();
        switch (RefreshTokenFamily.judge(token, hash, now)) {
            case ROTATE -> {
                Optional<UserAccount> user = users.findById(token.userId()).filter(UserAccount::isActive);
                if (user.isEmpty()) {
                    store.revokeFamily(token.familyId(), now);
                    return Optional.empty();
                }
                RefreshTokenSecret next = RefreshTokenSecret.generate(random);
                StoredRefreshToken successor = families.successor(token, next.hash(), now);
                if (!store.spend(token.id(), successor.id(), now)) {
                    // a concurrent refresh spent it first: the same token was used twice
                    reused(token, origin, now);
                    return Optional.empty();
                }
                store.insert(successor);
                return Optional.of(TokenPair.of(accessTokens.issue(user.get()), next));
            }
            case REUSED -> {
                reused(token, origin, now);
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private void reused(StoredRefreshToken token, RequestOrigin origin, Instant now) {
        int revoked = store.revokeFamily(token.familyId(), now);
        log.warn("Spent refresh token presented again: revoked family {} of user {} ({} tokens)", token.familyId(),
                token.userId(), revoked);
        audit.record(token.userId(), AuditTrail.Action.REFRESH_TOKEN_REUSED, AuditTrail.FAILURE, origin,
                Map.of("family_id", token.familyId().toString()));
    }

    /**
     * Revokes the family of the presented token if it belongs to the caller; anything else is ignored, so logout
     * is idempotent and tells nothing about other users' tokens.
     */
    @Transactional
    public void logout(String presented, UUID callerId, RequestOrigin origin) {
        endFamily(presented, token -> token.userId().equals(callerId), origin);
    }

    /**
     * Revokes the family of the presented token, whoever it belongs to: for the console, whose HttpOnly refresh
     * cookie is itself the proof of the session. Anything that is not a stored token is ignored (idempotent).
     */
    @Transactional
    public void logout(String presented, RequestOrigin origin) {
        endFamily(presented, token -> true, origin);
    }

    private void endFamily(String presented, Predicate<StoredRefreshToken> mayEnd, RequestOrigin origin) {
        if (!RefreshTokenSecret.isWellFormed(presented)) {
            return;
        }
        byte[] hash = RefreshTokenSecret.hash(presented);
        store.findByHash(hash)
                .filter(token -> RefreshTokenFamily.judge(token, hash, now()) != RefreshTokenFamily.Verdict.UNKNOWN)
                .filter(mayEnd)
                .ifPresent(token -> {
                    if (store.revokeFamily(token.familyId(), now()) > 0) {
                        audit.record(token.userId(), AuditTrail.Action.LOGGED_OUT, AuditTrail.SUCCESS, origin,
                                Map.of("family_id", token.familyId().toString()));
                    }
                });
    }

    /** Ends every session of the user (password change); joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revokeAll(UUID userId) {
        return store.revokeAllOfUser(userId, now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static UnauthorizedException invalid() {
        return new UnauthorizedException("invalid-refresh-token",
                "The refresh token is invalid, expired or has been revoked. Please sign in again.");
    }
}
