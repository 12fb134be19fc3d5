package io.cryptotracker.notifications;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.notifications.inbox.NotificationStore;
import io.cryptotracker.testsupport.BadInputSweep;
import io.cryptotracker.testsupport.ServiceContractTest;
import org.springframework.beans.factory.annotation.Autowired;

/** notification-service boots on real PostgreSQL and Kafka with its schema, and keeps the operational contract of every service. */
class NotificationServiceContractTest extends ServiceContractTest {

    /** The sweep's user: the owner of the sample notification. */
    private static final AuthenticatedUser SWEEPER = new AuthenticatedUser(UUID.randomUUID(),
            "sweep-user@example.com", Tier.VIP, Set.of("USER"));

    @Autowired
    NotificationStore notifications;

    /** The service's clock, so the sample notification is as old as the service thinks. */
    @Autowired
    Clock clock;

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/notifications", "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all",
                "/api/v1/notifications/ws-ticket");
    }

    @Override
    protected String badInputUserToken() {
        return issuer().token(SWEEPER);
    }

    /**
     * The list reads its parameters from a map, so the document cannot name them; {@code {id}} is a notification of
     * the sweep's user stored for this run, so marking it read answers 2xx and not only 404.
     */
    @Override
    protected BadInputSweep.Samples badInputSamples() {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        notifications.insert(List.of(new NotificationStore.NewNotification(id, SWEEPER.id(), UUID.randomUUID(),
                UUID.randomUUID(), SignalData.FUNDING_RATE, "SMP/USDT", new BigDecimal("1.5"), "Sample",
                "A notification for the contract check", now, now, false)), now);
        return new BadInputSweep.Samples().pathValues("id", id.toString())
                .query("GET /api/v1/notifications", "page:number", "size:number", "sort", "unread");
    }
}
