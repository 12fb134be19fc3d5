package io.cryptotracker.auth.password;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The password policy with its bundled common-password list, and the bounded bcrypt hasher. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PasswordConfiguration.class);

    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(CommonPasswords.bundled());
    }

    /**
     * The bounded bcrypt pool: {@code threads} threads and a queue of {@code hashing-queue}; a task beyond them is
     * refused (503). It keeps hashing while a graceful shutdown lets the requests in flight finish, and stops after.
     */
    @Bean
    ThreadPoolTaskExecutor passwordHashingPool(PasswordProperties properties, ThreadPoolTaskExecutorBuilder builder) {
        return builder.corePoolSize(properties.threads()).maxPoolSize(properties.threads())
                .queueCapacity(properties.hashingQueue()).allowCoreThreadTimeOut(false)
                .acceptTasksAfterContextClose(true).threadNamePrefix("password-hasher-").build();
    }

    @Bean
    PasswordHasher passwordHasher(PasswordProperties properties, ThreadPoolTaskExecutor passwordHashingPool) {
        if (!properties.developmentPepper() && properties.pepper().length() < PasswordProperties.MIN_PEPPER_LENGTH) {
            // names the setting, never its value (a binding error of the properties would print the value)
            throw new IllegalStateException("AUTH_PASSWORD_PEPPER must be at least "
                    + PasswordProperties.MIN_PEPPER_LENGTH + " characters long (e.g. openssl rand -base64 32)");
        }
        if (properties.developmentPepper()) {
            log.warn("AUTH_PASSWORD_PEPPER is not set: passwords longer than 72 bytes are pre-hashed with the public "
                    + "development pepper. Set a secret of at least {} characters in production.",
                    PasswordProperties.MIN_PEPPER_LENGTH);
        }
        return new PasswordHasher(PasswordHasher.encoder(properties.pepperBytes(), properties.bcryptCost()),
                passwordHashingPool, properties.hashingTimeout());
    }
}
