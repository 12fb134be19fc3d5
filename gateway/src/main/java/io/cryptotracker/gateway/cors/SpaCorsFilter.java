package io.cryptotracker.gateway.cors;

import java.util.List;

import io.cryptotracker.common.web.RequestIds;
import io.cryptotracker.gateway.EdgeFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the SPA origins, answered before authentication: a preflight carries no token, and a 401 must still
 * carry the CORS headers or the browser hides it from the SPA.
 */
@Component
public class SpaCorsFilter extends CorsWebFilter implements Ordered {

    static final List<String> EXPOSED_HEADERS = List.of(RequestIds.HEADER, "X-RateLimit-Limit",
            "X-RateLimit-Remaining", HttpHeaders.RETRY_AFTER);

    public SpaCorsFilter(CorsProperties properties) {
        super(source(properties));
    }

    private static UrlBasedCorsConfigurationSource source(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(true);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.CORS;
    }
}
