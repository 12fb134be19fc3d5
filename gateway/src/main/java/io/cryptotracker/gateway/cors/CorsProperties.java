package io.cryptotracker.gateway.cors;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins (the SPA) may call the API with credentials.
 *
 * @param allowedOrigins exact origins such as {@code https://app.example.com}, or patterns such as
 *     {@code https://*.example.com}; set by {@code CORS_ALLOWED_ORIGINS}, comma-separated
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway.cors")
public record CorsProperties(@NotNull @DefaultValue List<String> allowedOrigins,
        @NotNull @DefaultValue("1h") Duration maxAge) {
}
