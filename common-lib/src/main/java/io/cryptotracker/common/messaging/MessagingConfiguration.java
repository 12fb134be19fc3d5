package io.cryptotracker.common.messaging;

import io.cryptotracker.common.scheduling.ClusterJobs;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
}
