package io.cryptotracker.auth.registration;

import java.net.URI;

import io.cryptotracker.auth.account.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/register}: 201 with the user and {@code Location: /api/v1/users/me}. */
@RestController
@Tag(name = "Registration")
class RegistrationController {

    static final URI USER_LOCATION = URI.create("/api/v1/users/me");

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/v1/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "register", summary = "Create an account (FREE, role USER)")
    @ApiResponse(responseCode = "201", description = "Created; `Location: /api/v1/users/me`")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest body) {
        UserAccount account = registration.register(body.email(), body.username(), body.password());
        return ResponseEntity.created(USER_LOCATION).body(UserResponse.of(account));
    }
}
