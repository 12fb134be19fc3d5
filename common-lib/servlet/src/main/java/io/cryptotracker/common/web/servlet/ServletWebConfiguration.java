package io.cryptotracker.common.web.servlet;

import io.cryptotracker.common.web.ClientIpResolver;
import io.cryptotracker.common.web.ClientAddressProperties;
import io.cryptotracker.common.web.input.InputTextModule;
import io.cryptotracker.common.web.input.JsonOnlyConverters;
import io.cryptotracker.common.web.servlet.RequestParameterCheck;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem+json error mapping, request ids and the client address for every servlet service, and the door every input
 * passes: JSON only (415 otherwise), bodies up to 1 MiB (413), no NUL, control character or lone surrogate in a
 * parameter, path variable or JSON string (400 naming the field).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(ClientAddressProperties.class)
public class ServletWebConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Right after the request id: every later filter and handler sees the client's address. */
    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(ClientAddressProperties properties) {
        FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(
                new ClientAddressFilter(new ClientIpResolver(properties.trustedProxies())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    InputTextModule inputTextModule() {
        return new InputTextModule();
    }

    @Bean
    WebMvcConfigurer inputChecks() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestParameterCheck());
            }

            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(JsonOnlyConverters::removeForeign);
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
