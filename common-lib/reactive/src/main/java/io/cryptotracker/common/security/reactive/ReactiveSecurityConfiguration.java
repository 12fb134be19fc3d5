package io.cryptotracker.common.security.reactive;

import io.cryptotracker.common.security.JwtVerifier;
import io.cryptotracker.common.security.JwtVerifierConfiguration;
import io.cryptotracker.common.security.SecurityProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security every reactive (WebFlux) service runs, twin of the servlet one: stateless, bearer access tokens
 * verified by {@link JwtVerifier}, health and metrics open, {@code cryptotracker.security.public-paths} open,
 * everything else authenticated, and problem+json for 401 and 403. No method security: check tiers and roles in code.
 * Needs Spring Security on the classpath, so the gateway (which has none) is not affected.
 */
@AutoConfiguration(after = JwtVerifierConfiguration.class,
        beforeName = { "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(SecurityWebFilterChain.class)
@ConditionalOnBean(JwtVerifier.class)
@EnableWebFluxSecurity
public class ReactiveSecurityConfiguration {

    static final String[] ALWAYS_OPEN = { "/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/livez", "/readyz", "/error", "/v3/api-docs", "/v3/api-docs/**" };

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
    SecurityWebFilterChain cryptotrackerSecurityWebFilterChain(ServerHttpSecurity http, JwtVerifier verifier,
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
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterAt(new BearerTokenWebFilter(verifier, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /** The configured public paths; a pattern nothing matches when none are configured. */
    private static String[] publicPaths(SecurityProperties properties) {
        return properties.publicPaths().isEmpty() ? new String[] { "/.none" }
                : properties.publicPaths().toArray(String[]::new);
    }
}
