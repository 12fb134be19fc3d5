package io.cryptotracker.common.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox writer and relay for a service with a database and Kafka; off with {@code cryptotracker.outbox.enabled=false}. */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, KafkaTemplate.class })
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class, KafkaProperties.class })
@ConditionalOnProperty(name = "cryptotracker.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, @Lazy OutboxRelay relay, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new OutboxWriter(jdbc, relay::wakeUp, tracing(tracer, propagator));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            KafkaProperties kafka, OutboxProperties properties, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            ObjectProvider<SimpleAsyncTaskExecutorBuilder> executors) {
        // Boot's builder: a virtual thread where spring.threads.virtual.enabled is on (JDK 21+)
        SimpleAsyncTaskExecutorBuilder builder = executors.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new);
        SimpleAsyncTaskExecutor executor = OutboxRelay.daemon(builder.threadNamePrefix("outbox-relay-").build());
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), relayTemplate(kafka), properties,
                meters.getIfAvailable(), tracing(tracer, propagator), executor);
    }

    /** The trace context goes through the outbox when a tracer and a propagator are configured; off otherwise. */
    private static OutboxTracing tracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer configuredTracer = tracer.getIfUnique();
        Propagator configuredPropagator = propagator.getIfUnique();
        return configuredTracer == null || configuredPropagator == null ? OutboxTracing.OFF
                : new OutboxTracing(configuredTracer, configuredPropagator);
    }

    /** A producer of its own: plain JSON strings, every record acknowledged by all in-sync replicas, no reordering. */
    private static KafkaTemplate<String, String> relayTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer()));
    }
}
