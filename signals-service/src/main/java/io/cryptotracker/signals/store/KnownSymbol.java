package io.cryptotracker.signals.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text {@link Symbols} reads as a symbol; null and blank pass (absent). To be replaced by common-lib's
 * {@code @Symbol} once the one symbol normalizer is on main.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownSymbol.Check.class)
public @interface KnownSymbol {

    String message() default "must be a symbol such as BTC, BTCUSDT or BTC/USDT";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks {@link Symbols#normalize}. */
    class Check implements ConstraintValidator<KnownSymbol, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Symbols.normalize(value).isPresent();
        }
    }
}
