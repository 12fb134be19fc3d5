package io.cryptotracker.notifications.email;

import java.time.Clock;

import io.cryptotracker.common.scheduling.ClusterJobs;
import io.cryptotracker.notifications.users.UserDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Email settings always; the dispatcher and its schedule only when {@code notifications.email.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "notifications.email.enabled", havingValue = "true")
    @EnableScheduling
    static class Dispatch {

        @Bean
        EmailDispatcher emailDispatcher(EmailQueue queue, UserDirectory users, JavaMailSender mail, ClusterJobs jobs,
                EmailProperties properties, Clock clock, MeterRegistry meters) {
            return new EmailDispatcher(queue, users, mail, jobs, properties, clock, meters);
        }
    }
}
