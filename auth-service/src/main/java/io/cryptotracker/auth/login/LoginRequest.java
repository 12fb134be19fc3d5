package io.cryptotracker.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/auth/login}. */
public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 1024) String password) {

    public LoginRequest {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "LoginRequest[hidden]";
    }
}
