package io.cryptotracker.auth.token;

/**
 * What login and refresh answer: {@code {access_token, refresh_token, token_type, expires_in}}.
 *
 * @param expiresIn seconds the access token is valid for
 */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    public static final String BEARER = "bearer";

    static TokenPair of(AccessTokenIssuer.AccessToken access, RefreshTokenSecret refresh) {
        return new TokenPair(access.value(), refresh.value(), BEARER, access.ttl().toSeconds());
    }

    @Override
    public String toString() {
        return "TokenPair[hidden, expiresIn=" + expiresIn + "]";
    }
}
