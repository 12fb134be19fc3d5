package io.cryptotracker.common.security.servlet;

import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.JwtAuthentication;
import io.cryptotracker.common.security.SecurityProperties;
import io.cryptotracker.common.web.RequestIds;
import jakarta.servlet.Filter;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security every servlet service runs: stateless, Spring Security's OAuth2 resource server verifying bearer access
 * tokens ({@link AccessTokens}: RS256, pinned issuer, auth-service's JWKS found through discovery), the principal our
 * {@link io.cryptotracker.common.security.AuthenticatedUser}, health and metrics open,
 * {@code cryptotracker.security.public-paths} open, everything else authenticated, and problem+json for 401 and 403.
 * {@code @PreAuthorize} works on controllers. A service that holds the keys itself (auth-service) declares its own
 * {@link JwtDecoder}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ServletSecurityConfiguration {

    static final String[] ALWAYS_OPEN = { "/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/livez", "/readyz", "/error", "/v3/api-docs", "/v3/api-docs/**" };

    /** auth-service's keys from {@code cryptotracker.security.jwks-uri}; {@code lb://} through the load balancer. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("cryptotracker.security.jwks-uri")
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<LoadBalancerClient> loadBalancer) {
        return AccessTokens.decoder(AccessTokens.remoteJwks(properties, loadBalancer::getObject), properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /** Bearer tokens are the only credentials: no user store, so Boot generates no default password either. */
    @Bean
    @ConditionalOnMissingBean
    AuthenticationManager bearerTokensOnly() {
        return authentication -> {
            throw new ProviderNotFoundException("Only bearer access tokens authenticate requests");
        };
    }

    @Bean
    SecurityProblemAdvice securityProblemAdvice() {
        return new SecurityProblemAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain cryptotrackerSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
            SecurityProperties properties, ProblemResponses problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ALWAYS_OPEN).permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(AccessTokens::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterAfter(userIdInLogs(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** The verified user's id in the log context (RequestIdFilter clears it when the request ends). */
    private static Filter userIdInLogs() {
        return (request, response, chain) -> {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthentication authentication) {
                MDC.put(RequestIds.MDC_USER_ID, authentication.getName());
            }
            chain.doFilter(request, response);
        };
    }
}
