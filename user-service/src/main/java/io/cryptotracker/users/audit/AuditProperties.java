package io.cryptotracker.users.audit;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param trustedProxies addresses or CIDR blocks (the gateway's) whose {@code X-Forwarded-For} names the client
 */
@Validated
@ConfigurationProperties("cryptotracker.users")
public record AuditProperties(@NotNull List<String> trustedProxies) {
}
