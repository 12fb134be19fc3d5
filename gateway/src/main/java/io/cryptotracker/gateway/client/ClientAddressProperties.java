package io.cryptotracker.gateway.client;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway (an ingress, a load balancer)
 *     whose {@code X-Forwarded-For} is believed ({@code GATEWAY_TRUSTED_PROXIES}, comma-separated); empty: the
 *     connection's own address is the client
 */
@Validated
@ConfigurationProperties("cryptotracker.gateway")
public record ClientAddressProperties(@NotNull @DefaultValue List<String> trustedProxies) {
}
