package io.cryptotracker.common.web.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The rules of a {@code from}/{@code to} window a client sends: each time one we can store, and {@code to} not before
 * {@code from}. Either may be absent (the endpoint picks its default).
 */
public final class TimeWindow {

    /** The message of a window whose {@code to} lies before its {@code from}, on the field {@code to}. */
    public static final String REVERSED = "must not be before from";

    private TimeWindow() {
    }

    /** The window's field errors, in field order; empty when it is fine. */
    public static List<FieldError> errors(Instant from, Instant to) {
        List<FieldError> errors = new ArrayList<>(2);
        if (!StorableTime.isStorable(from)) {
            errors.add(new FieldError("from", StorableTime.OUT_OF_RANGE));
        }
        if (!StorableTime.isStorable(to)) {
            errors.add(new FieldError("to", StorableTime.OUT_OF_RANGE));
        }
        if (errors.isEmpty() && from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", REVERSED));
        }
        return errors;
    }

    /** Refuses the window with a 400 naming every field at fault. */
    public static void check(Instant from, Instant to) {
        List<FieldError> errors = errors(from, to);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Reports field errors of a cross-field constraint on their own property nodes (instead of the constraint's
     * default message on the bean) and tells whether there were none.
     */
    public static boolean report(ConstraintValidatorContext context, List<FieldError> errors) {
        context.disableDefaultConstraintViolation();
        errors.forEach(error -> context.buildConstraintViolationWithTemplate(error.message())
                .addPropertyNode(error.field()).addConstraintViolation());
        return errors.isEmpty();
    }
}
