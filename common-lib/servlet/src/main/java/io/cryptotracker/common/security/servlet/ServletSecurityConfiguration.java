package io.cryptotracker.common.security.servlet;

import io.cryptotracker.common.security.JwtVerifier;
import io.cryptotracker.common.security.JwtVerifierConfiguration;
import io.cryptotracker.common.security.SecurityProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security every servlet service runs: stateless, bearer access tokens verified by {@link JwtVerifier}, health
 * and metrics open, {@code cryptotracker.security.public-paths} open, everything else authenticated, and
 * problem+json for 401 and 403. {@code @PreAuthorize} works on controllers.
 */
@AutoConfiguration(after = JwtVerifierConfiguration.class,
        beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnBean(JwtVerifier.class)
@EnableMethodSecurity
public class ServletSecurityConfiguration {

    static final String[] ALWAYS_OPEN = { "/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/livez", "/readyz", "/error", "/v3/api-docs", "/v3/api-docs/**" };

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
    SecurityFilterChain cryptotrackerSecurityFilterChain(HttpSecurity http, JwtVerifier verifier,
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
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new JwtAuthenticationFilter(verifier, problems), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
