package io.cryptotracker.auth.password;

import io.cryptotracker.auth.audit.ClientOrigin;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/users/me/change-password} (the gateway routes this one path of /users/me here). */
@RestController
@Tag(name = "Password")
class ChangePasswordController {

    private final PasswordChange passwordChange;
    private final ClientOrigin clientOrigin;

    ChangePasswordController(PasswordChange passwordChange, ClientOrigin clientOrigin) {
        this.passwordChange = passwordChange;
        this.clientOrigin = clientOrigin;
    }

    @PostMapping("/api/v1/users/me/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "changePassword", summary = "Change the password; revokes every refresh token of the user")
    ResponseEntity<Void> change(@Valid @RequestBody ChangePasswordRequest body,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        passwordChange.change(caller.id(), body.currentPassword(), body.newPassword(), clientOrigin.of(request));
        return ResponseEntity.noContent().build();
    }
}
