package io.cryptotracker.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/** The settings of the idempotent consumer's bookkeeping (no database is reached). */
class MessagingConfigurationTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:postgresql://unused/db");
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingConfiguration.class))
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
            .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));

    @Test
    void handledEventIdsAreKeptFourteenDaysByDefault() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(ProcessedEventsCleanup.class);
            assertThat(ctx.getBean(MessagingProperties.class).processedEventsRetention())
                    .isEqualTo(Duration.ofDays(14));
        });
    }

    @Test
    void theRetentionIsConfigurableAndTheCleanupCanBeLeftOut() {
        context.withPropertyValues("cryptotracker.messaging.processed-events-retention=P3D").run(ctx -> assertThat(
                ctx.getBean(MessagingProperties.class).processedEventsRetention()).isEqualTo(Duration.ofDays(3)));
        context.withPropertyValues("cryptotracker.messaging.processed-events-cleanup=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ProcessedEventsCleanup.class));
    }
}
