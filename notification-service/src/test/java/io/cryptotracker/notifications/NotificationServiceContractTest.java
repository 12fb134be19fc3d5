package io.cryptotracker.notifications;

import java.util.List;

import io.cryptotracker.common.testsupport.ServiceContractTest;

/** notification-service boots on real PostgreSQL and Kafka with its schema, and keeps the operational contract of every service. */
class NotificationServiceContractTest extends ServiceContractTest {

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/notifications", "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all",
                "/api/v1/notifications/ws-ticket");
    }
}
