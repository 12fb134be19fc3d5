package io.cryptotracker.auth.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of refresh and logout: {@code {refresh_token}}. */
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[hidden]";
    }
}
