package io.cryptotracker.auth.login;

import io.cryptotracker.auth.audit.ClientOrigin;
import io.cryptotracker.auth.token.TokenPair;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/login}. */
@RestController
@Tag(name = "Sign-in")
class LoginController {

    private final Login login;
    private final ClientOrigin clientOrigin;

    LoginController(Login login, ClientOrigin clientOrigin) {
        this.login = login;
        this.clientOrigin = clientOrigin;
    }

    @PostMapping("/api/v1/auth/login")
    @Operation(operationId = "login", summary = "Sign in with email and password: an access and a refresh token")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "The same answer for an unknown email, a wrong password and a "
            + "disabled account")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins; see `Retry-After`")
    ResponseEntity<TokenPair> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        TokenPair tokens = login.login(body.email(), body.password(), clientOrigin.of(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }
}
