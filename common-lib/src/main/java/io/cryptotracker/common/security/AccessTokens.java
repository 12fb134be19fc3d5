package io.cryptotracker.common.security;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * How CryptoTracker access tokens are verified, the same for every service and the gateway: Spring Security's
 * Nimbus decoder pinned to RS256, the keys from auth-service's JWKS (cached, re-fetched on an unknown {@code kid} at
 * most twice per {@code jwksMinRefreshInterval}), the pinned issuer, {@code exp}/{@code nbf} with the configured clock
 * skew, and the claims a service relies on ({@code sub} a user id, {@code tier}, {@code roles}, {@code jti}). A
 * verified {@link Jwt} becomes a {@link JwtAuthentication} whose principal is an {@link AuthenticatedUser}.
 */
public final class AccessTokens {

    /** The only signature algorithm a verifier accepts. */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.from(JwtClaims.ALGORITHM);

    private AccessTokens() {
    }

    /**
     * auth-service's keys from {@code cryptotracker.security.jwks-uri}, an {@code lb://} address fetched through the
     * load balancer (discovery); see {@link #remoteJwks(URI, RestClient, Duration, Duration)}.
     */
    public static JWKSource<SecurityContext> remoteJwks(SecurityProperties properties,
            Supplier<LoadBalancerClient> loadBalancer) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        // Nimbus' 500 ms were seen to run out on a busy two-core node; the keys are fetched once per refresh period
        requests.setConnectTimeout(Duration.ofSeconds(1));
        requests.setReadTimeout(Duration.ofSeconds(2));
        RestClient.Builder http = RestClient.builder().requestFactory(requests);
        URI address = properties.jwksUri();
        if ("lb".equalsIgnoreCase(address.getScheme())) {
            // looked up at the first fetch, not at start: a context without a load balancer still starts, and its
            // first token is refused (401) with the reason in the log
            SingletonSupplier<LoadBalancerInterceptor> balancing = SingletonSupplier
                    .of(() -> new LoadBalancerInterceptor(loadBalancer.get()));
            http.requestInterceptor((request, body, execution) -> balancing.obtain().intercept(request, body,
                    execution));
            address = URI.create("http://" + address.getRawAuthority() + address.getRawPath());
        }
        return remoteJwks(address, http.build(), properties.jwksRefresh(), properties.jwksMinRefreshInterval());
    }

    /**
     * The keys at {@code jwksUri}, fetched with {@code http} and kept for {@code refresh}; a token naming an unknown
     * key makes Nimbus fetch them again (rotation), rate-limited by Nimbus to two fetches per {@code minRefreshInterval}. A failed
     * fetch is not cached: the next token after the interval tries again.
     */
    public static JWKSource<SecurityContext> remoteJwks(URI jwksUri, RestClient http, Duration refresh,
            Duration minRefreshInterval) {
        ResourceRetriever retriever = url -> {
            try {
                ResponseEntity<String> answer = http.get().uri(URI.create(url.toString()))
                        .accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
                MediaType type = answer.getHeaders().getContentType();
                return new Resource(answer.getBody(), type == null ? null : type.toString());
            }
            catch (RestClientException | IllegalStateException ex) {
                // an IOException is what Nimbus expects of a fetch that failed (a timeout, an error status, no
                // instance in discovery): it makes it a KeySourceException, which the decoders turn into a refused
                // token; anything else would escape them as a server error
                throw new IOException("Could not fetch the JWKS at " + url + ": " + ex.getMessage(), ex);
            }
        };
        try {
            return JWKSourceBuilder.create(jwksUri.toURL(), retriever)
                    .cache(refresh.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .refreshAheadCache(false)
                    .retrying(false)
                    .rateLimited(minRefreshInterval.toMillis())
                    .build();
        }
        catch (MalformedURLException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("Not a JWKS address: " + jwksUri, ex);
        }
    }

    /** A servlet decoder over these keys; every failure, a JWKS that cannot be fetched too, is a bad token (401). */
    public static JwtDecoder decoder(JWKSource<SecurityContext> keys, SecurityProperties properties) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(ALGORITHM).build();
        nimbus.setJwtValidator(validator(properties.issuer(), properties.clockSkew()));
        return token -> {
            try {
                return nimbus.decode(token);
            }
            catch (BadJwtException ex) {
                throw ex;
            }
            catch (JwtException ex) {
                throw new BadJwtException(ex.getMessage(), ex);
            }
        };
    }

    /** The checks on a signature-verified token: time with {@code clockSkew}, the issuer, our claims. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, Duration clockSkew) {
        return JwtValidators.createDefaultWithValidators(List.of(new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer), new DelegatingOAuth2TokenValidator<>(AccessTokens::checkClaims)));
    }

    /** The {@link JwtAuthentication} of a verified token: a {@code Converter<Jwt, AbstractAuthenticationToken>}. */
    public static JwtAuthentication authentication(Jwt jwt) {
        return new JwtAuthentication(user(jwt), jwt);
    }

    /** The user a verified token (one {@link #validator} accepted) describes. */
    public static AuthenticatedUser user(Jwt jwt) {
        return new AuthenticatedUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(JwtClaims.EMAIL),
                Tier.valueOf(jwt.getClaimAsString(JwtClaims.TIER)), Set.copyOf(roles(jwt)));
    }

    private static OAuth2TokenValidatorResult checkClaims(Jwt jwt) {
        if (jwt.getExpiresAt() == null || jwt.getId() == null) {
            return invalid("Token lacks exp or jti");
        }
        try {
            UUID.fromString(jwt.getSubject());
        }
        catch (RuntimeException ex) {
            return invalid("Token subject is not a user id");
        }
        try {
            Tier.valueOf(jwt.getClaimAsString(JwtClaims.TIER));
        }
        catch (RuntimeException ex) {
            return invalid("Token has no valid tier");
        }
        return roles(jwt).isEmpty() ? invalid("Token has no roles") : OAuth2TokenValidatorResult.success();
    }

    private static List<String> roles(Jwt jwt) {
        List<String> roles = new ArrayList<>();
        if (jwt.getClaims().get(JwtClaims.ROLES) instanceof Collection<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles;
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
