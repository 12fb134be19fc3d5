package io.cryptotracker.common.symbols;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The string is a symbol {@link Symbols#parse} reads ({@code BTC}, {@code btcusdt}, {@code BTC_USDT},
 * {@code BTC/USDT}); null is valid (add {@code @NotNull} where it is required). Works on list elements too:
 * {@code List<@Symbol String>}.
 */
@Documented
@Constraint(validatedBy = SymbolValidator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface Symbol {

    String message() default "must be a symbol such as BTC/USDT";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
