package io.cryptotracker.auth.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/auth/register}; the password policy is checked after these constraints. */
public record RegisterRequest(
        @NotBlank @Size(max = 320) @Email(regexp = ".+@[^@]+\\.[^@]+", message = "must be a well-formed email address") String email,
        @NotBlank @Size(min = 3, max = 32) @Pattern(regexp = "[A-Za-z0-9_.-]*", message = "may contain only letters, digits, '_', '.' and '-'") String username,
        @NotNull @Size(max = 1024) String password) {

    /** Spaces around the email are a typing accident, not part of the address. */
    public RegisterRequest {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "RegisterRequest[hidden]";
    }
}
