package io.cryptotracker.signals.admin;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cryptotracker.common.web.FieldError;

/**
 * The details of a manual signal fit the columns they are stored in: numbers of at most {@value #DIGITS} digits
 * before and after the point, texts no longer than their column. A 400 names each field that does not
 * ({@code spot_futures.spot_bid}) instead of the database refusing the row with a 500.
 */
final class StorableDetails {

    static final int DIGITS = 30;

    /** The signal tables' text columns of the details, by JSON name (db/changelog …-signals-schema.yaml). */
    private static final Map<String, Integer> TEXT_LENGTHS = Map.of("direction", 32, "long_exchange", 32,
            "short_exchange", 32, "chain", 32, "dex", 64, "pair_address", 128, "token_address", 128);

    private StorableDetails() {
    }

    /** What does not fit in {@code details} (the body's {@code part}: spot_futures, funding or dex); empty if all does. */
    static List<FieldError> errors(String part, Record details) {
        List<FieldError> errors = new ArrayList<>();
        if (details == null) {
            return errors;
        }
        for (RecordComponent component : details.getClass().getRecordComponents()) {
            String name = jsonName(component);
            String message = problem(name, value(component, details));
            if (message != null) {
                errors.add(new FieldError(part + "." + name, message));
            }
        }
        return errors;
    }

    private static String problem(String name, Object value) {
        if (value instanceof BigDecimal number
                && (number.precision() - number.scale() > DIGITS || number.scale() > DIGITS)) {
            return "must be a number of at most " + DIGITS + " digits before and after the point";
        }
        Integer length = TEXT_LENGTHS.get(name);
        if (value instanceof String text && length != null && text.length() > length) {
            return "must be at most " + length + " characters";
        }
        return null;
    }

    private static String jsonName(RecordComponent component) {
        try {
            JsonProperty property = component.getDeclaringRecord().getDeclaredField(component.getName())
                    .getAnnotation(JsonProperty.class);
            return property != null ? property.value()
                    : component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        }
        catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Object value(RecordComponent component, Record details) {
        try {
            return component.getAccessor().invoke(details);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
