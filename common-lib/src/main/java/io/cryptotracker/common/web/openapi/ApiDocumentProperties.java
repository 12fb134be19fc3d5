package io.cryptotracker.common.web.openapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says about itself ({@code cryptotracker.api.*}).
 *
 * @param title the document's title; the application's name when not set
 * @param description what the API is for
 * @param version the API's version
 * @param hiddenPaths paths never published (Ant patterns), e.g. the endpoints only the gateway calls
 */
@ConfigurationProperties("cryptotracker.api")
public record ApiDocumentProperties(String title, @DefaultValue("") String description,
        @DefaultValue("1") String version, @DefaultValue("/internal/**") List<String> hiddenPaths) {
}
