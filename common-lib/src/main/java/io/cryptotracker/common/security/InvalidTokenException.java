package io.cryptotracker.common.security;

/** An access token that is missing, malformed, expired, wrongly signed or otherwise not to be trusted. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
