package io.cryptotracker.gateway.docs;

import java.util.List;
import java.util.Map;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One route per document listed in {@code springdoc.swagger-ui.urls}: {@code GET /v3/api-docs/<service>} is the
 * service's own {@code /v3/api-docs}. The document's {@code servers} become the gateway itself, so "Try it out" in
 * the UI calls the API the way clients do, never a service's internal address.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsRoutes {

    static final String PREFIX = "/v3/api-docs/";
    private static final String SERVICE_DOCS = "/v3/api-docs";
    private static final List<Map<String, String>> THROUGH_THE_GATEWAY =
            List.of(Map.of("url", "/", "description", "CryptoTracker API gateway"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder routes, SwaggerUiConfigProperties swaggerUi) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        for (SwaggerUrl document : swaggerUi.getUrls()) {
            String path = document.getUrl();
            if (!path.startsWith(PREFIX)) {
                throw new IllegalStateException("springdoc.swagger-ui.urls must name " + PREFIX + "<service>: " + path);
            }
            String service = path.substring(PREFIX.length());
            builder.route("api-docs-" + service, route -> route.method(HttpMethod.GET).and().path(path)
                    .filters(filters -> filters.setPath(SERVICE_DOCS)
                            .modifyResponseBody(String.class, String.class, (exchange, body) -> servedByGateway(body)))
                    .uri("lb://" + service));
        }
        return builder.build();
    }

    /** The document with the gateway as its only server; anything that is not an OpenAPI document stays as it is. */
    Mono<String> servedByGateway(String body) {
        if (body == null) {
            return Mono.empty();
        }
        try {
            JsonNode document = json.readTree(body);
            if (document instanceof ObjectNode object && object.has("openapi")) {
                object.set("servers", json.valueToTree(THROUGH_THE_GATEWAY));
                return Mono.just(json.writeValueAsString(object));
            }
        }
        catch (JacksonException notJson) {
            // an error page from the service: passed on unchanged
        }
        return Mono.just(body);
    }
}
