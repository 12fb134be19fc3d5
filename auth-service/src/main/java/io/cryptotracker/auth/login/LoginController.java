package io.cryptotracker.auth.login;

import io.cryptotracker.auth.token.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/login}. */
@RestController
class LoginController {

    private final Login login;
    private final ClientOrigin clientOrigin;

    LoginController(Login login, ClientOrigin clientOrigin) {
        this.login = login;
        this.clientOrigin = clientOrigin;
    }

    @PostMapping("/api/v1/auth/login")
    ResponseEntity<TokenPair> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        TokenPair tokens = login.login(body.email(), body.password(), clientOrigin.of(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }
}
