package io.cryptotracker.auth.password;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/users/me/change-password}. */
public record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
        @NotNull @Size(max = 1024) String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[hidden]";
    }
}
