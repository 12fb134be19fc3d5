package io.cryptotracker.signals;

import io.cryptotracker.common.testsupport.ServiceContractTest;

/** signals-service boots on real PostgreSQL and Kafka with its schema, and keeps the operational contract of every service. */
class SignalsServiceContractTest extends ServiceContractTest {
}
