package io.cryptotracker.common.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springdoc.core.converters.ModelConverterRegistrar;
import org.springdoc.core.converters.ResponseSupportConverter;
import org.springdoc.core.converters.WebFluxSupportConverter;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * A handler returning {@code ResponseEntity<T>} or {@code Mono<T>} is documented with T's schema: the snake_case resolver sits behind
 * springdoc's unwrapping converters, as springdoc's {@link ModelConverterRegistrar} chains the converter beans.
 */
class ResponseWrapperSchemaTest {

    record TokenPair(String accessToken, long expiresIn) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Springdoc {

        @Bean
        SpringDocConfigProperties springDocConfigProperties() {
            return new SpringDocConfigProperties();
        }

        @Bean
        ObjectMapperProvider objectMapperProvider(SpringDocConfigProperties properties) {
            return new ObjectMapperProvider(properties);
        }

        @Bean
        ResponseSupportConverter responseSupportConverter(ObjectMapperProvider mappers) {
            return new ResponseSupportConverter(mappers);
        }

        @Bean
        WebFluxSupportConverter webFluxSupportConverter(ObjectMapperProvider mappers) {
            return new WebFluxSupportConverter(mappers);
        }

        @Bean
        ModelConverterRegistrar modelConverterRegistrar(List<ModelConverter> converters,
                SpringDocConfigProperties properties) {
            return new ModelConverterRegistrar(converters, properties);
        }
    }

    @ParameterizedTest
    @ValueSource(classes = { ResponseEntity.class, Mono.class })
    void aWrappedAnswerIsDocumentedAsItsBodyInSnakeCase(Class<?> wrapper) {
        new ReactiveWebApplicationContextRunner().withUserConfiguration(Springdoc.class)
                .withConfiguration(AutoConfigurations.of(OpenApiConfiguration.class))
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                .run(context -> {
                    assertThat(context).hasSingleBean(ModelResolver.class);
                    context.getBean(ModelConverterRegistrar.class);
                    boolean openapi31 = context.getBean(SpringDocConfigProperties.class).isOpenapi31();
                    ResolvedSchema resolved = ModelConverters.getInstance(openapi31).resolveAsResolvedSchema(
                            new AnnotatedType(ResolvableType.forClassWithGenerics(wrapper, TokenPair.class).getType())
                                    .resolveAsRef(true));

                    assertThat(resolved.referencedSchemas).containsOnlyKeys("TokenPair");
                    assertThat(resolved.schema.get$ref()).isEqualTo("#/components/schemas/TokenPair");
                    assertThat(resolved.referencedSchemas.get("TokenPair").getProperties())
                            .containsOnlyKeys("access_token", "expires_in");
                });
    }
}
