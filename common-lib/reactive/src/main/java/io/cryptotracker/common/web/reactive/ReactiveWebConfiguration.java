package io.cryptotracker.common.web.reactive;

import io.cryptotracker.common.web.input.InputTextModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.DispatcherHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json error mapping, request ids and the input checks (no NUL, control character or lone surrogate in a
 * query parameter, path segment or JSON string) for every reactive (WebFlux) service. Not for the gateway, which answers
 * its own errors and sets request ids for the whole suite.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(DispatcherHandler.class)
@ConditionalOnMissingClass("org.springframework.cloud.gateway.route.RouteLocator")
public class ReactiveWebConfiguration {

    @Bean
    ReactiveProblemDetailsAdvice reactiveProblemDetailsAdvice() {
        return new ReactiveProblemDetailsAdvice();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
        return new ProblemWebExceptionHandler(json);
    }

    @Bean
    InputTextModule inputTextModule() {
        return new InputTextModule();
    }

    @Bean
    RequestParameterCheckWebFilter requestParameterCheckWebFilter() {
        return new RequestParameterCheckWebFilter();
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }
}
