package io.cryptotracker.auth.console;

import io.cryptotracker.auth.token.TokenPair;

/**
 * What the console's login and refresh answer: {@code {access_token, token_type, expires_in}}. The refresh token of
 * the pair goes into the HttpOnly cookie only, never into a body script can read.
 *
 * @param expiresIn seconds the access token is valid for
 */
public record ConsoleAccessToken(String accessToken, String tokenType, long expiresIn) {

    static ConsoleAccessToken of(TokenPair tokens) {
        return new ConsoleAccessToken(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn());
    }

    @Override
    public String toString() {
        return "ConsoleAccessToken[hidden, expiresIn=" + expiresIn + "]";
    }
}
