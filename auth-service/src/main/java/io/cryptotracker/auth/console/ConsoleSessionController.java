package io.cryptotracker.auth.console;

import io.cryptotracker.auth.audit.ClientOrigin;
import io.cryptotracker.auth.login.Login;
import io.cryptotracker.auth.login.LoginRequest;
import io.cryptotracker.auth.token.Sessions;
import io.cryptotracker.auth.token.TokenPair;
import io.cryptotracker.common.web.UnauthorizedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login, refresh and logout for the browser console ({@code /api/v1/auth/console/*}): the same sign-in and sessions
 * as {@code /login}, {@code /refresh} and {@code /logout}, but the refresh token travels in an HttpOnly cookie
 * ({@link RefreshCookie}) instead of a JSON body, so no script ever reads it. {@link ConsoleRequestGuard} refuses
 * requests without the console's header and cross-site ones before any of these runs.
 */
@RestController
@Tag(name = "Console session")
@RequestMapping(ConsoleSessionController.PATH)
class ConsoleSessionController {

    static final String PATH = "/api/v1/auth/console";

    private static final String GUARD = " Needs the header `X-CryptoTracker-Console: 1` (403 otherwise); a request "
            + "with `Sec-Fetch-Site: cross-site` is 403.";
    private static final String COOKIE = "`ct_refresh=<refresh token>; Path=/api/v1/auth/console; Max-Age=<refresh "
            + "token lifetime>; Secure; HttpOnly; SameSite=Strict` (name, path and Secure are configurable)";
    private static final String CLEARED = "`ct_refresh=; Path=/api/v1/auth/console; Max-Age=0; ...`: the browser "
            + "forgets the cookie";

    private final Login login;
    private final Sessions sessions;
    private final ClientOrigin clientOrigin;
    private final RefreshCookie cookie;

    ConsoleSessionController(Login login, Sessions sessions, ClientOrigin clientOrigin, RefreshCookie cookie) {
        this.login = login;
        this.sessions = sessions;
        this.clientOrigin = clientOrigin;
        this.cookie = cookie;
    }

    @PostMapping("/login")
    @Operation(operationId = "consoleLogin", summary = "Sign the console in: the access token in the body, the refresh token in a cookie",
            description = "The same checks, throttling and audit as `POST /api/v1/auth/login`." + GUARD,
            parameters = @Parameter(in = ParameterIn.HEADER, name = ConsoleRequestGuard.CONSOLE_HEADER,
                    required = true, schema = @Schema(allowableValues = "1")))
    @ApiResponse(responseCode = "200", description = "Signed in; no refresh token in the body",
            headers = @Header(name = HttpHeaders.SET_COOKIE, description = COOKIE))
    @ApiResponse(responseCode = "400", description = "Invalid `email` or `password`, named in `errors`")
    @ApiResponse(responseCode = "401", description = "The same answer for an unknown email, a wrong password and a "
            + "disabled account")
    @ApiResponse(responseCode = "403", description = "No console header, or a cross-site request")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins; see `Retry-After`")
    ResponseEntity<ConsoleAccessToken> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return signedIn(login.login(body.email(), body.password(), clientOrigin.of(request)));
    }

    @PostMapping("/refresh")
    @Operation(operationId = "consoleRefresh", summary = "Exchange the refresh cookie for a new access token and a rotated cookie",
            description = "Rotation and reuse detection as `POST /api/v1/auth/refresh`: a spent cookie value presented "
                    + "again revokes its whole family. No body." + GUARD,
            parameters = {
                @Parameter(in = ParameterIn.HEADER, name = ConsoleRequestGuard.CONSOLE_HEADER, required = true,
                        schema = @Schema(allowableValues = "1")),
                @Parameter(in = ParameterIn.COOKIE, name = "ct_refresh", description = "the refresh token") })
    @ApiResponse(responseCode = "200", description = "Refreshed; the cookie is rotated",
            headers = @Header(name = HttpHeaders.SET_COOKIE, description = COOKIE))
    @ApiResponse(responseCode = "401", description = "No cookie, or an unknown, spent, revoked or expired one; the "
            + "cookie is cleared", headers = @Header(name = HttpHeaders.SET_COOKIE, description = CLEARED))
    @ApiResponse(responseCode = "403", description = "No console header, or a cross-site request")
    ResponseEntity<ConsoleAccessToken> refresh(HttpServletRequest request) {
        String presented = cookie.read(request).orElseThrow(() -> new ConsoleSessionRefused(
                "There is no console session. Please sign in.", cookie.cleared()));
        TokenPair tokens;
        try {
            tokens = sessions.refresh(presented, clientOrigin.of(request));
        }
        catch (UnauthorizedException ex) {
            throw new ConsoleSessionRefused(ex.getMessage(), cookie.cleared());
        }
        return signedIn(tokens);
    }

    @PostMapping("/logout")
    @Operation(operationId = "consoleLogout", summary = "Sign the console out: revoke the cookie's session and clear the cookie",
            description = "The cookie is the credential, so no bearer token is needed. Idempotent: 204 also without "
                    + "a cookie or with a dead one." + GUARD,
            parameters = {
                @Parameter(in = ParameterIn.HEADER, name = ConsoleRequestGuard.CONSOLE_HEADER, required = true,
                        schema = @Schema(allowableValues = "1")),
                @Parameter(in = ParameterIn.COOKIE, name = "ct_refresh", description = "the refresh token") })
    @ApiResponse(responseCode = "204", description = "Signed out",
            headers = @Header(name = HttpHeaders.SET_COOKIE, description = CLEARED))
    @ApiResponse(responseCode = "403", description = "No console header, or a cross-site request")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        cookie.read(request).ifPresent(presented -> sessions.logout(presented, clientOrigin.of(request)));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.cleared().toString()).build();
    }

    private ResponseEntity<ConsoleAccessToken> signedIn(TokenPair tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, cookie.holding(tokens.refreshToken()).toString())
                .body(ConsoleAccessToken.of(tokens));
    }
}
