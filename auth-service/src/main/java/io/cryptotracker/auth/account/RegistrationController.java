package io.cryptotracker.auth.account;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/register}: 201 with the user and {@code Location: /api/v1/users/me}. */
@RestController
class RegistrationController {

    static final URI USER_LOCATION = URI.create("/api/v1/users/me");

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/v1/auth/register")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest body) {
        UserAccount account = registration.register(body.email(), body.username(), body.password());
        return ResponseEntity.created(USER_LOCATION).body(UserResponse.of(account));
    }
}
