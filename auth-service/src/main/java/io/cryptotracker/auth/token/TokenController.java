package io.cryptotracker.auth.token;

import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.auth.login.ClientOrigin;
import io.cryptotracker.common.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/refresh} (rotation) and {@code POST /api/v1/auth/logout}. */
@RestController
@RequestMapping("/api/v1/auth")
class TokenController {

    private final Sessions sessions;
    private final ClientOrigin clientOrigin;

    TokenController(Sessions sessions, ClientOrigin clientOrigin) {
        this.sessions = sessions;
        this.clientOrigin = clientOrigin;
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        RequestOrigin origin = clientOrigin.of(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sessions.refresh(body.refreshToken(),
                origin));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest body,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        sessions.logout(body.refreshToken(), caller.id(), clientOrigin.of(request));
        return ResponseEntity.noContent().build();
    }
}
