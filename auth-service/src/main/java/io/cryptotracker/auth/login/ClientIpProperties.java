package io.cryptotracker.auth.login;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies proxies (the gateway, an ingress) whose {@code X-Forwarded-For} is believed: addresses or
 *     CIDR blocks
 */
@ConfigurationProperties("cryptotracker.auth")
public record ClientIpProperties(@DefaultValue({ "127.0.0.0/8", "::1" }) List<String> trustedProxies) {
}
