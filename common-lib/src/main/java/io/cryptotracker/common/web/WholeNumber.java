package io.cryptotracker.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A query parameter that is absent, blank or a whole number in {@code int}'s range (surrounding blanks allowed).
 * Checked as text, so a malformed value is reported under its own name with this message, beside the other
 * parameters' errors, instead of failing the binding.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    String message() default "must be a whole number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the form; {@link #parse} reads a checked value. */
    final class Validator implements ConstraintValidator<WholeNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || parse(value) != null;
        }

        /** @return the number, or null when blank, absent or not a whole number */
        public static Integer parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
    }
}
