package io.cryptotracker.common.web.openapi;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Makes every service's OpenAPI document describe the wire (active where springdoc serves one): schemas spelled
 * the way the service's JSON mapper writes them ({@code spring.jackson.property-naming-strategy}, snake_case
 * here), and {@link ApiDocumentCustomizer}'s title, bearer scheme and problem+json error answers.
 */
@AutoConfiguration(afterName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnBean(ObjectMapperProvider.class)
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class OpenApiConfiguration {

    /**
     * swagger-core reads models with its own (Jackson 2) mapper, blind to the naming strategy Boot gives the
     * service's mapper: this resolver reads them with the same strategy. It takes the place of swagger-core's
     * default resolver, so it must stay at the end of the converter chain: springdoc adds each converter bean in
     * front of those before it, so this one is ordered first. Placed later, it would read {@code ResponseEntity<T>},
     * {@code Mono<T>} and the like as beans ({@code ResponseEntityT} components) before springdoc's
     * {@code ResponseSupportConverter} and {@code WebFluxSupportConverter} unwrap them to {@code T}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver namingStrategyModelResolver(ObjectMapperProvider mappers, Environment environment) {
        String strategy = environment.getProperty("spring.jackson.property-naming-strategy");
        return new ModelResolver(mappers.jsonMapper().copy().setPropertyNamingStrategy(namingStrategy(strategy)));
    }

    @Bean
    ApiDocumentCustomizer apiDocumentCustomizer(ApiDocumentProperties properties, Environment environment) {
        List<String> publicPaths = Binder.get(environment)
                .bind("cryptotracker.security.public-paths", Bindable.listOf(String.class)).orElse(List.of());
        String title = properties.title() != null ? properties.title()
                : environment.getProperty("spring.application.name", "CryptoTracker API");
        return new ApiDocumentCustomizer(title, properties, publicPaths);
    }

    @Bean
    AuthorityOperationCustomizer authorityOperationCustomizer() {
        return new AuthorityOperationCustomizer();
    }

    private static PropertyNamingStrategy namingStrategy(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return (PropertyNamingStrategy) PropertyNamingStrategies.class.getField(name.trim()).get(null);
        }
        catch (ReflectiveOperationException | ClassCastException ex) {
            throw new IllegalStateException("spring.jackson.property-naming-strategy names no Jackson strategy: "
                    + name, ex);
        }
    }
}
