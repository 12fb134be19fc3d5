package io.cryptotracker.auth.console;

import java.time.Duration;
import java.util.Optional;

import io.cryptotracker.auth.token.TokenProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * The console's refresh token as a cookie JavaScript cannot read ({@code HttpOnly}), sent only to the console
 * session endpoints ({@code Path}) and never along with a request another site starts ({@code SameSite=Strict}).
 * It lives as long as the refresh token in it; every rotation issues a fresh one.
 */
@Component
class RefreshCookie {

    private final ConsoleCookieProperties properties;
    private final Duration lifetime;

    RefreshCookie(ConsoleCookieProperties properties, TokenProperties tokens) {
        this.properties = properties;
        this.lifetime = tokens.refreshTokenTtl();
    }

    /** The cookie holding a newly issued refresh token. */
    ResponseCookie holding(String refreshToken) {
        return base(refreshToken).maxAge(lifetime).build();
    }

    /** The instruction to forget the cookie: same name and path, empty, expired. */
    ResponseCookie cleared() {
        return base("").maxAge(Duration.ZERO).build();
    }

    /** The refresh token the browser sent, if any. */
    Optional<String> read(HttpServletRequest request) {
        return Optional.ofNullable(WebUtils.getCookie(request, properties.name())).map(Cookie::getValue)
                .filter(value -> !value.isEmpty());
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(properties.name(), value).path(properties.path()).httpOnly(true)
                .secure(properties.secure()).sameSite("Strict");
    }
}
