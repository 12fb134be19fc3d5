package io.cryptotracker.gateway.request;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The largest request body the gateway passes on, on every route.
 *
 * @param maxSize larger bodies are answered 413 ({@code GATEWAY_REQUEST_BODY_LIMIT}); the API takes small JSON
 *     documents only
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.request-body")
public record RequestBodyProperties(@NotNull @DefaultValue("64KB") DataSize maxSize) {
}
