package io.cryptotracker.common.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may tell a service the client's address.
 *
 * @param trustedProxies addresses or CIDR blocks of the gateway (and nothing else) whose {@code X-Forwarded-For}
 *     names the client ({@code TRUSTED_PROXIES}); a request from any other peer is attributed to that peer
 */
@ConfigurationProperties("cryptotracker.web")
public record ClientAddressProperties(@DefaultValue({ "127.0.0.0/8", "::1" }) List<String> trustedProxies) {
}
