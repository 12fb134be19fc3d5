package io.cryptotracker.auth.password;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The password policy with its bundled common-password list, and the bounded bcrypt hasher. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(CommonPasswords.bundled());
    }

    @Bean(destroyMethod = "close")
    PasswordHasher passwordHasher(PasswordProperties properties) {
        return new PasswordHasher(new BCryptPasswordEncoder(properties.bcryptCost()), properties.threads(),
                properties.hashingQueue(), properties.hashingTimeout());
    }
}
