package io.cryptotracker.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The hashing pool as the service builds it from its settings (its refusals: {@link PasswordHasherTest}). */
class PasswordConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("cryptotracker.auth.password.bcrypt-cost=10");

    @Test
    void theHashingPoolIsBoundedByTheConfiguredThreadsAndQueue() {
        context.withPropertyValues("cryptotracker.auth.password.hashing-threads=3",
                "cryptotracker.auth.password.hashing-queue=5").run(ctx -> {
                    ThreadPoolTaskExecutor pool = ctx.getBean("passwordHashingPool", ThreadPoolTaskExecutor.class);
                    assertThat(pool.getCorePoolSize()).isEqualTo(3);
                    assertThat(pool.getMaxPoolSize()).isEqualTo(3);
                    assertThat(pool.getQueueCapacity()).isEqualTo(5);
                    assertThat(pool.getThreadNamePrefix()).isEqualTo("password-hasher-");
                    assertThat(ctx.getBean(PasswordHasher.class).hash("correct horse battery staple"))
                            .startsWith("{bcrypt-hmac-sha256}$2a$10$");
                });
    }

    @Test
    void theDefaultCostIs12() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .run(ctx -> assertThat(ctx.getBean(PasswordHasher.class).hash("correct horse battery staple"))
                        .startsWith("{bcrypt-hmac-sha256}$2a$12$"));
    }

    @Test
    void theHashingPoolStopsWithTheService() {
        context.run(ctx -> {
            ThreadPoolTaskExecutor pool = ctx.getBean("passwordHashingPool", ThreadPoolTaskExecutor.class);
            ctx.close();
            assertThat(pool.getThreadPoolExecutor().isShutdown()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PasswordProperties.class)
    @Import(PasswordConfiguration.class)
    static class Settings {
    }
}
