package io.cryptotracker.common.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cryptotracker.common.web.input.InputText;
import io.cryptotracker.common.web.input.InvalidTextException;
import io.cryptotracker.common.web.input.InvalidTimeException;
import io.cryptotracker.common.web.input.StorableTime;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Builds the RFC 9457 bodies every CryptoTracker service and the gateway answer errors with. */
public final class Problems {

    private static final String TYPE_BASE = "https://cryptotracker.io/problems/";

    private static final PropertyNamingStrategy SNAKE_CASE = PropertyNamingStrategies.SNAKE_CASE;

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create(TYPE_BASE + code);
    }

    public static ProblemDetail of(HttpStatus status, String code, String title, String detail, String instance) {
        return of(status, type(code), title, detail, instance);
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors, String instance) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Bad Request",
                "The request has invalid fields.", instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The field errors of a failed bind, named as the client wrote them in JSON, in the order the target declares
     * its fields (Bean Validation reports in no fixed order); global errors have no field.
     */
    public static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        List<String> declared = declaredFields(result.getTarget());
        result.getFieldErrors().stream()
                .sorted(Comparator.comparingInt(e -> declared.indexOf(e.getField().split("[.\\[]", 2)[0])))
                .forEach(e -> errors.add(new FieldError(jsonName(e.getField()), message(e))));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(null, e.getDefaultMessage())));
        return errors;
    }

    private static List<String> declaredFields(Object target) {
        if (target == null) {
            return List.of();
        }
        Class<?> type = target.getClass();
        return type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()
                : Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }

    /**
     * A value that could not be converted (a query parameter bound to a number, time or enum) says what it must be
     * instead of the converter's message, which names Java types.
     */
    private static String message(org.springframework.validation.FieldError error) {
        if (!error.isBindingFailure() || !error.contains(TypeMismatchException.class)) {
            return error.getDefaultMessage();
        }
        Class<?> type = error.unwrap(TypeMismatchException.class).getRequiredType();
        if (type == null) {
            return "has an invalid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 UTC time such as 2026-11-23T21:53:39Z";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).sorted().toList());
        }
        return "has an invalid value";
    }

    /** The errors of a controller method's parameters (and their fields), named as the client wrote them. */
    public static List<FieldError> fieldErrors(HandlerMethodValidationException ex) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = result.getMethodParameter().getParameterName();
            if (error instanceof org.springframework.validation.FieldError fieldError) {
                name = fieldError.getField();
            }
            errors.add(new FieldError(jsonName(name), error.getDefaultMessage()));
        }));
        return errors;
    }

    /**
     * The field an unreadable JSON body failed at, when Jackson knows its path (a refused character, a number or
     * date out of range, a wrong type); empty for a body that is not JSON at all.
     */
    public static List<FieldError> bodyErrors(Throwable unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return List.of(new FieldError(pathOf(jackson), bodyMessage(jackson)));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return List.of();
    }

    private static String pathOf(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String bodyMessage(JacksonException ex) {
        if (ex instanceof InvalidTextException) {
            return InputText.INVALID;
        }
        if (ex instanceof InvalidTimeException) {
            return StorableTime.OUT_OF_RANGE;
        }
        if (ex instanceof InputCoercionException) {
            return "is out of range";
        }
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; known are " + String.join(", ",
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        }
        if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + String.join(", ", enumNames(invalid.getTargetType()));
        }
        return "has an invalid value";
    }

    /** An enum's constants as JSON spells them: by its {@code @JsonValue} method if it has one, else by name. */
    private static List<String> enumNames(Class<?> type) {
        Method jsonValue = Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class))
                .findFirst().orElse(null);
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                return jsonValue == null ? ((Enum<?>) constant).name() : String.valueOf(jsonValue.invoke(constant));
            }
            catch (ReflectiveOperationException ex) {
                return ((Enum<?>) constant).name();
            }
        }).toList();
    }

    /** The answer carrying a problem: its status, the given headers and {@code application/problem+json}. */
    public static ResponseEntity<ProblemDetail> respond(HttpStatus status, HttpHeaders headers, ProblemDetail problem) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** {@code currentPassword} becomes {@code current_password}, as the client wrote it in JSON. */
    public static String jsonName(String javaName) {
        if (javaName == null) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String part : javaName.split("\\.")) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(SNAKE_CASE.nameForField(null, null, part));
        }
        return path.toString();
    }
}
