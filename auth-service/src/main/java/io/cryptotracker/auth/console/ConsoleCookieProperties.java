package io.cryptotracker.auth.console;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The console's refresh-token cookie.
 *
 * @param name the cookie's name
 * @param path the path the browser sends it to: the console session endpoints, and nothing else
 * @param secure whether the cookie is marked {@code Secure}, i.e. sent over HTTPS only. Browsers treat
 *     {@code http://localhost} as secure, so the default suits local runs too; only a deployment served over plain
 *     HTTP on another host must turn it off (the browser would drop the cookie)
 */
@Validated
@ConfigurationProperties("cryptotracker.auth.console-cookie")
public record ConsoleCookieProperties(
        @DefaultValue("ct_refresh") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String name,
        @DefaultValue("/api/v1/auth/console") @Pattern(regexp = "/[A-Za-z0-9_./-]{0,200}") String path,
        @DefaultValue("true") boolean secure) {
}
