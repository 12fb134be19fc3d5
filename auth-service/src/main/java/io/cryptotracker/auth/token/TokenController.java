package io.cryptotracker.auth.token;

import io.cryptotracker.auth.audit.ClientOrigin;
import io.cryptotracker.auth.audit.RequestOrigin;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/refresh} (rotation) and {@code POST /api/v1/auth/logout}. */
@RestController
@Tag(name = "Tokens")
@RequestMapping("/api/v1/auth")
class TokenController {

    private final Sessions sessions;
    private final ClientOrigin clientOrigin;

    TokenController(Sessions sessions, ClientOrigin clientOrigin) {
        this.sessions = sessions;
        this.clientOrigin = clientOrigin;
    }

    @PostMapping("/refresh")
    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for a new pair (rotation)")
    @ApiResponse(responseCode = "200", description = "A new pair; the presented token is spent")
    @ApiResponse(responseCode = "401", description = "Unknown, expired, revoked or spent (a spent one revokes its family)")
    ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        RequestOrigin origin = clientOrigin.of(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sessions.refresh(body.refreshToken(),
                origin));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logout", summary = "Revoke the refresh token's family")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest body,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        sessions.logout(body.refreshToken(), caller.id(), clientOrigin.of(request));
        return ResponseEntity.noContent().build();
    }
}
