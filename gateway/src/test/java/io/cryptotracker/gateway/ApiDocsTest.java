package io.cryptotracker.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ApiDocsTest extends GatewayIntegrationTest {

    private static final String MARKET_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"market-service","version":"v1"},
             "servers":[{"url":"http://10.1.2.3:8083","description":"Generated server url"}],
             "paths":{"/api/v1/market/cryptocurrencies":{"get":{"operationId":"list","security":[{"bearer":[]}]}}},
             "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}""";

    @BeforeAll
    static void marketServicePublishesItsDocument() {
        Downstreams.MARKET.stubFor(get(urlPathEqualTo("/v3/api-docs")).atPriority(1).willReturn(okJson(MARKET_DOCUMENT)));
    }

    @Test
    void theSwaggerUiPageIsServedWithoutAToken() {
        client.get().uri("/webjars/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("X-RateLimit-Limit")
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUiListsEveryServicesDocumentAtTheGateway() {
        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(urls -> assertThat((List<Object>) urls).containsExactlyInAnyOrder(
                        "/v3/api-docs/auth-service", "/v3/api-docs/user-service", "/v3/api-docs/market-service",
                        "/v3/api-docs/signals-service", "/v3/api-docs/notification-service"));
    }

    @Test
    void aServicesDocumentIsProxiedWithTheGatewayAsItsServer() {
        client.get().uri("/v3/api-docs/market-service")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("market-service")
                .jsonPath("$.paths['/api/v1/market/cryptocurrencies'].get.operationId").isEqualTo("list")
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/")
                // what Swagger UI's Authorize button offers, and the operations it sends the token with
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/v1/market/cryptocurrencies'].get.security[0].bearer").isArray();

        assertThat(Downstreams.received(Downstreams.MARKET, "/v3/api-docs")).hasSize(1);
    }

    @Test
    void theDocumentRoutesTakeOnlyGet() {
        client.post().uri("/v3/api-docs/market-service")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
