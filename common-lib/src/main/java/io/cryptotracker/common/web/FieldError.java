package io.cryptotracker.common.web;

/** One invalid input in a 400 answer: the field as the client spelled it (snake_case) and what is wrong. */
public record FieldError(String field, String message) {
}
