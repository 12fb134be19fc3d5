package io.cryptotracker.market;

import io.cryptotracker.common.testsupport.ServiceContractTest;

/** market-service boots on real PostgreSQL and Kafka with its schema, and keeps the operational contract of every service. */
class MarketServiceContractTest extends ServiceContractTest {
}
