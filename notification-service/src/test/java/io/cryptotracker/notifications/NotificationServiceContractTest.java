package io.cryptotracker.notifications;

import io.cryptotracker.common.testsupport.ServiceContractTest;

/** notification-service boots on real PostgreSQL and Kafka with its schema, and keeps the operational contract of every service. */
class NotificationServiceContractTest extends ServiceContractTest {
}
