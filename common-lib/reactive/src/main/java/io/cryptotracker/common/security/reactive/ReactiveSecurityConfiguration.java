package io.cryptotracker.common.security.reactive;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security every reactive (WebFlux) service runs, twin of the servlet one: stateless, Spring Security's OAuth2
 * resource server verifying bearer access tokens ({@link AccessTokens}: RS256, pinned issuer, auth-service's JWKS
 * found through discovery), the principal our {@link io.cryptotracker.common.security.AuthenticatedUser}, health and
 * metrics open, {@code cryptotracker.security.public-paths} open, everything else authenticated, and problem+json for
 * 401 and 403. No method security: check tiers and roles in code. The gateway declares its own chain and uses only
 * the {@link ReactiveJwtDecoder}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(SecurityWebFilterChain.class)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebFluxSecurity
public class ReactiveSecurityConfiguration {

    static final String[] ALWAYS_OPEN = { "/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/livez", "/readyz", "/error", "/v3/api-docs", "/v3/api-docs/**" };

    /**
     * auth-service's keys from {@code cryptotracker.security.jwks-uri} ({@code lb://} through the load balancer). The
     * key lookup runs off the event loop, since an unknown key id makes it fetch the JWKS with a blocking call; every
     * failure, a JWKS that cannot be fetched too, is a bad token (401).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("cryptotracker.security.jwks-uri")
    ReactiveJwtDecoder reactiveJwtDecoder(SecurityProperties properties,
            ObjectProvider<LoadBalancerClient> loadBalancer) {
        JWKSource<SecurityContext> keys = AccessTokens.remoteJwks(properties, loadBalancer::getObject);
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Mono
                        .fromCallable(() -> keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapIterable(found -> found))
                .jwsAlgorithm(AccessTokens.ALGORITHM)
                .build();
        nimbus.setJwtValidator(AccessTokens.validator(properties.issuer(), properties.clockSkew()));
        // Spring's reactive decoder reports keys it could not have (JWKS unreachable, Nimbus' refetch limit reached by
        // tokens naming unknown keys) as an IllegalStateException around Nimbus' KeySourceException: a bad token too
        return token -> nimbus.decode(token).onErrorMap(
                ex -> (ex instanceof JwtException && !(ex instanceof BadJwtException)) || keysUnavailable(ex),
                ex -> new BadJwtException(ex.getMessage(), ex));
    }

    private static boolean keysUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeySourceException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveProblemResponses reactiveProblemResponses(JsonMapper json) {
        return new ReactiveProblemResponses(json);
    }

    /** Bearer tokens are the only credentials: no user store, so Boot generates no default password either. */
    @Bean
    @ConditionalOnMissingBean
    ReactiveAuthenticationManager bearerTokensOnly() {
        return authentication -> Mono.error(
                new ProviderNotFoundException("Only bearer access tokens authenticate requests"));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain cryptotrackerSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            SecurityProperties properties, ReactiveProblemResponses problems) {
        return http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(ALWAYS_OPEN).permitAll()
                        .pathMatchers(publicPaths(properties)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(AccessTokens::authentication)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /** The configured public paths; a pattern nothing matches when none are configured. */
    private static String[] publicPaths(SecurityProperties properties) {
        return properties.publicPaths().isEmpty() ? new String[] { "/.none" }
                : properties.publicPaths().toArray(String[]::new);
    }
}
