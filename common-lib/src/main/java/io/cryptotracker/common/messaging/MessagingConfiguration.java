package io.cryptotracker.common.messaging;

import java.time.Clock;
import java.time.Duration;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The idempotent-consumer helper and single-replica jobs for every service with a database. */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class })
public class MessagingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new IdempotentConsumer(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterJobs clusterJobs(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ClusterJobs(jdbc, new TransactionTemplate(transactionManager));
    }

    /** Only where the service's changelog has the table (every service that consumes events idempotently). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "cryptotracker.messaging.processed-events-cleanup", havingValue = "true",
            matchIfMissing = true)
    ProcessedEventsCleanup processedEventsCleanup(JdbcTemplate jdbc, ClusterJobs jobs,
            @Value("${cryptotracker.messaging.processed-events-retention:P14D}") Duration retention,
            ObjectProvider<Clock> clock) {
        return new ProcessedEventsCleanup(jdbc, jobs, retention, clock.getIfAvailable(Clock::systemUTC));
    }
}
