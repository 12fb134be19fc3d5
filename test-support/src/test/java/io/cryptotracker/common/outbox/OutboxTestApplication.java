package io.cryptotracker.common.outbox;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A bare service with a database and Kafka: what the outbox and the idempotent consumer need. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OutboxTestApplication {
}
