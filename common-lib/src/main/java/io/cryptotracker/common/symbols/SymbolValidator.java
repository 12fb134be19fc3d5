package io.cryptotracker.common.symbols;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Symbol}: valid when null or when {@link Symbols#parse} reads it. */
public class SymbolValidator implements ConstraintValidator<Symbol, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Symbols.parse(value).isPresent();
    }
}
