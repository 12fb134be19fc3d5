package io.cryptotracker.users.preferences;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link #value()} decimal places once trailing zeros are dropped ({@code 1.5000} is {@code 1.5}, which
 * {@code @Digits} would refuse); null passes.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxDecimals.Check.class)
public @interface MaxDecimals {

    int value();

    String message() default "must have at most {value} decimal places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares the scale of the stripped value. */
    class Check implements ConstraintValidator<MaxDecimals, BigDecimal> {

        private int max;

        @Override
        public void initialize(MaxDecimals annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || value.stripTrailingZeros().scale() <= max;
        }
    }
}
