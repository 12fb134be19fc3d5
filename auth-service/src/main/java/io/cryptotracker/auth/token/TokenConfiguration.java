package io.cryptotracker.auth.token;

import java.time.Clock;

import io.cryptotracker.common.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key ring (also the {@code PublicKeySource} common-lib builds this service's own token verifier from), the
 * access-token issuer and the refresh-token family rules.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    SigningKeyRing signingKeyRing(SigningKeyProperties properties) {
        return SigningKeyLoader.load(properties);
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(SigningKeyRing keys, SecurityProperties security, TokenProperties tokens,
            Clock clock) {
        return new AccessTokenIssuer(keys, security.issuer(), tokens.accessTokenTtl(), clock);
    }

    @Bean
    RefreshTokenFamily refreshTokenFamily(TokenProperties tokens) {
        return new RefreshTokenFamily(tokens.refreshTokenTtl());
    }
}
