package io.cryptotracker.users.preferences;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A pair in any spelling {@link Symbols} reads ({@code BTC}, {@code BTCUSDT}, {@code BTC_USDT}, {@code btc/usdt});
 * null passes (pair it with {@code @NotNull}). To be replaced by common-lib's {@code @Symbol} once it lands.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TradingPair.Check.class)
public @interface TradingPair {

    String message() default "must be a pair such as BTC/USDT, BTCUSDT, BTC_USDT or a coin such as BTC";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads the text as {@link Symbols#normalize} does. */
    class Check implements ConstraintValidator<TradingPair, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Symbols.normalize(value).isPresent();
        }
    }
}
