package io.cryptotracker.auth.token;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token lifetimes.
 *
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (each rotation issues a fresh one)
 * @param jwksMaxAge how long clients may cache the JWKS answer
 */
@Validated
@ConfigurationProperties("cryptotracker.auth.tokens")
public record TokenProperties(@DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("30d") @NotNull Duration refreshTokenTtl, @DefaultValue("5m") @NotNull Duration jwksMaxAge) {
}
