package io.cryptotracker.common.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies access tokens.
 *
 * @param issuer the {@code iss} every token must carry
 * @param jwksUri where auth-service publishes its keys; {@code lb://auth-service/...} is resolved through discovery
 * @param jwksRefresh how long fetched keys are trusted before they are fetched again
 * @param jwksMinRefreshInterval an unknown key id triggers a re-fetch at most this often
 * @param clockSkew tolerated clock difference for {@code exp}/{@code iat}
 * @param publicPaths request path patterns open without a token (besides health and metrics)
 */
@ConfigurationProperties("cryptotracker.security")
public record SecurityProperties(@DefaultValue("cryptotracker") String issuer, URI jwksUri,
        @DefaultValue("10m") Duration jwksRefresh, @DefaultValue("30s") Duration jwksMinRefreshInterval,
        @DefaultValue("30s") Duration clockSkew, @DefaultValue List<String> publicPaths) {
}
