package io.cryptotracker.auth.token;

import java.time.Clock;

import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.SecurityProperties;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The key ring, this service's own access-token decoder over the ring's public keys (the resource server common-lib
 * configures needs no JWKS fetch here), the access-token issuer and the refresh-token family rules.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    SigningKeyRing signingKeyRing(SigningKeyProperties properties) {
        return SigningKeyLoader.load(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeyRing keys, SecurityProperties security) {
        return AccessTokens.decoder(new ImmutableJWKSet<>(keys.publicKeys()), security);
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
