package io.cryptotracker.notifications.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.notifications.users.SignalMatcher;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.notifications.users.UserView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a new signal's notification for every user whose preferences match (SPEC "Notifications"): a VIP's is
 * visible at once and queued for email when the email feature takes the signal ({@link EmailEligibility}) and the
 * user has the email channel on; a FREE user's becomes visible
 * {@code SIGNALS_FREE_DELAY} after the signal's detection and is never emailed. Ids are deterministic, so a
 * redelivered event stores nothing twice. A signal that must not alert ({@link SignalData#alertable()} false: a
 * MEXC↔DEX route whose transfer is closed or unknown, a stale leg) stores nothing and so queues no email; it is still
 * listed by signals-service and sent to the sockets as a signal frame.
 */
@Service
public class SignalInbox {

    private final UserDirectory users;
    private final NotificationStore store;
    private final TransactionTemplate transactions;
    private final InboxProperties properties;
    private final EmailEligibility email;
    private final Clock clock;
    private final Counter stored;

    public SignalInbox(UserDirectory users, NotificationStore store, TransactionTemplate transactions,
            InboxProperties properties, EmailEligibility email, Clock clock, MeterRegistry meters) {
        this.users = users;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
        this.email = email;
        this.clock = clock;
        this.stored = Counter.builder("notifications.stored").description("Notifications stored for users' history")
                .register(meters);
    }

    /** @return how many notifications were new */
    public int store(SignalCreated created) {
        SignalData signal = created.data();
        if (!signal.alertable()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant detectedAt = signal.detectedAt() != null ? signal.detectedAt() : created.occurredAt();
        boolean emailable = email.emailable(created, now);
        String title = NotificationText.title(signal);
        String body = NotificationText.body(signal);
        List<NotificationStore.NewNotification> rows = new ArrayList<>();
        for (UserView user : users.all()) {
            if (!SignalMatcher.matches(user.prefs(), signal)) {
                continue;
            }
            boolean vip = user.vip();
            rows.add(new NotificationStore.NewNotification(NotificationIds.of(user.id(), created.eventId()),
                    user.id(), created.eventId(), created.signalId(), signal.kind(), signal.symbol(),
                    signal.spreadPercent() == null ? java.math.BigDecimal.ZERO : signal.spreadPercent(), title, body,
                    detectedAt, vip ? now : detectedAt.plus(properties.freeDelay()),
                    emailable && vip && user.prefs().channels().email()));
        }
        Integer inserted = transactions.execute(status -> store.insert(rows, now));
        int count = inserted == null ? 0 : inserted;
        stored.increment(count);
        return count;
    }
}
