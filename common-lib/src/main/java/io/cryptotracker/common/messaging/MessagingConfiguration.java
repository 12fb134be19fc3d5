package io.cryptotracker.common.messaging;

import java.time.Clock;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(MessagingProperties.class)
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
            MessagingProperties properties, ObjectProvider<Clock> clock) {
        return new ProcessedEventsCleanup(jdbc, jobs, properties.processedEventsRetention(),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
