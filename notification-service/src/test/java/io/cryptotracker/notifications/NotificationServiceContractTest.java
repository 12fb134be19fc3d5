package io.cryptotracker.notifications;

import java.util.List;

import io.cryptotracker.testsupport.BadInputSweep;
import io.cryptotracker.testsupport.ServiceContractTest;

/** notification-service boots on real PostgreSQL and Kafka with its schema, and keeps the operational contract of every service. */
class NotificationServiceContractTest extends ServiceContractTest {

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/notifications", "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all",
                "/api/v1/notifications/ws-ticket");
    }

    /** The list reads its parameters from a map, so the document cannot name them. */
    @Override
    protected BadInputSweep.Samples badInputSamples() {
        return new BadInputSweep.Samples().query("GET /api/v1/notifications", "page:number", "size:number", "sort",
                "unread");
    }
}
