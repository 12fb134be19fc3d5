package io.cryptotracker.users.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.users.audit.AuditTrail;
import io.cryptotracker.users.audit.RequestOrigin;
import io.cryptotracker.users.profile.NewUsers;
import io.cryptotracker.users.profile.ProfileCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of a plan – by the user, by an admin, by the clock – goes through here: the row is locked, the
 * {@link Subscription} rules decide, and a real change is stored with {@code SubscriptionChanged} and a PLAN_CHANGED
 * audit entry in one transaction. A change that changes nothing emits nothing.
 */
@Service
public class SubscriptionChanges {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionChanges.class);

    private final NewUsers newUsers;
    private final SubscriptionStore store;
    private final OutboxWriter outbox;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubscriptionChanges(NewUsers newUsers, SubscriptionStore store, OutboxWriter outbox, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.newUsers = newUsers;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new user starts on the FREE plan. */
    @EventListener
    void onProfileCreated(ProfileCreated created) {
        store.insertFreeIfAbsent(created.userId(), created.createdAt(), created.now());
    }

    public Subscription current(AuthenticatedUser user) {
        newUsers.ensureExists(user);
        return store.find(user.id()).orElseThrow();
    }

    /** The user turns auto-renew on or off, or cancels (409 without a running VIP plan). */
    public Subscription changeOwn(AuthenticatedUser user, OwnChange change, RequestOrigin origin) {
        newUsers.ensureExists(user);
        return transactions.execute(status -> {
            Instant now = now();
            Subscription before = store.findForUpdate(user.id()).orElseThrow();
            Subscription after = before;
            if (change.cancel()) {
                after = after.cancel(now);
            }
            if (change.autoRenew() != null) {
                after = after.autoRenew(change.autoRenew(), now);
            }
            return apply(before, after, now, origin, "user");
        });
    }

    /**
     * An admin grants, extends or ends VIP.
     *
     * @throws NotFoundException when user-service has no profile for the id (never registered, or its
     *         UserRegistered has not arrived yet)
     */
    public Subscription changeByAdmin(UUID userId, AdminChange change) {
        return transactions.execute(status -> {
            Instant now = now();
            Subscription before = store.findForUpdate(userId)
                    .orElseThrow(() -> new NotFoundException("There is no user with this id."));
            Subscription after = change.plan() == Subscription.Plan.VIP ? before.grantVip(change.expiresAt(), now)
                    : before.endVip(now);
            // the admin's address is not the user's business: the entry says only that an admin did it
            return apply(before, after, now, RequestOrigin.none(), "admin");
        });
    }

    /** Ends the VIP plans that have reached {@code expires_at}; runs inside the caller's transaction. */
    int expireDue(int limit) {
        Instant now = now();
        List<Subscription> due = store.dueForExpiry(now, limit);
        for (Subscription subscription : due) {
            apply(subscription, subscription.expire(now), now, RequestOrigin.none(), "expiry");
        }
        if (!due.isEmpty()) {
            log.info("Ended {} VIP plan(s) at their expiry", due.size());
        }
        return due.size();
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Subscription apply(Subscription before, Subscription after, Instant now, RequestOrigin origin,
            String changedBy) {
        if (after.equals(before)) {
            return before;
        }
        store.update(after, now);
        outbox.append(Topics.USERS, after.changedEvent(now));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("changed_by", changedBy);
        details.put("plan", after.plan().name());
        details.put("status", after.status().name());
        details.put("previous_plan", before.plan().name());
        if (after.expiresAt() != null) {
            details.put("expires_at", after.expiresAt().toString());
        }
        audit.record(after.userId(), AuditTrail.Action.PLAN_CHANGED, origin, details);
        log.info("Plan of user {} is now {} ({}), changed by {}", after.userId(), after.plan(), after.status(),
                changedBy);
        return after;
    }
}
