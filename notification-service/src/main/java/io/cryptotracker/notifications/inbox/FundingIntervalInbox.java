package io.cryptotracker.notifications.inbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.FundingIntervalChanged;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.notifications.users.FundingIntervalMatcher;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.notifications.users.UserView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Stores a funding interval change's notification for every user whose preferences match
 * ({@link FundingIntervalMatcher}): category {@code funding-interval}, kind {@code funding-rate}, no signal and no
 * spread. A VIP's is visible at once; a FREE user's {@code SIGNALS_FREE_DELAY} after the change was read, as with
 * signals. Ids are {@link NotificationIds} of (user, event), so a redelivered event stores nothing twice. Never
 * emailed: the email rules and layout are those of a signal (its spread, its age) and SPEC mails new signals only.
 */
@Service
public class FundingIntervalInbox {

    public static final String CATEGORY = "funding-interval";

    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private final Clock clock;
    private final Counter stored;

    public FundingIntervalInbox(UserDirectory users, JdbcTemplate jdbc, InboxProperties properties, Clock clock,
            MeterRegistry meters) {
        this.users = users;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.stored = Counter.builder("notifications.stored").description("Notifications stored for users' history")
                .register(meters);
    }

    /** @return how many notifications were new */
    public int store(FundingIntervalChanged change) {
        Instant now = clock.instant();
        Instant detectedAt = change.detectedAt() != null ? change.detectedAt() : change.occurredAt();
        String title = FundingIntervalText.title(change);
        String body = FundingIntervalText.body(change);
        List<Row> rows = new ArrayList<>();
        for (UserView user : users.all()) {
            if (FundingIntervalMatcher.matches(user.prefs(), change.symbol())) {
                rows.add(new Row(NotificationIds.of(user.id(), change.eventId()), user.id(),
                        user.vip() ? now : detectedAt.plus(properties.freeDelay())));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int[][] counts = jdbc.batchUpdate("""
                INSERT INTO notifications (id, user_id, event_id, signal_id, kind, symbol, spread_percent, title, body,
                  created_at, visible_at, category) VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """, rows, 500, (PreparedStatement ps, Row row) -> {
            ps.setObject(1, row.id(), Types.OTHER);
            ps.setObject(2, row.userId(), Types.OTHER);
            ps.setObject(3, change.eventId(), Types.OTHER);
            ps.setString(4, SignalData.FUNDING_RATE);
            ps.setString(5, change.symbol());
            ps.setString(6, title);
            ps.setString(7, body);
            ps.setTimestamp(8, Timestamp.from(detectedAt));
            ps.setTimestamp(9, Timestamp.from(row.visibleAt()));
            ps.setString(10, CATEGORY);
        });
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted += count == 0 ? 0 : 1;
            }
        }
        stored.increment(inserted);
        return inserted;
    }

    private record Row(UUID id, UUID userId, Instant visibleAt) {
    }
}
