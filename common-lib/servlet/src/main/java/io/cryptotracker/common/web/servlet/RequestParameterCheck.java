package io.cryptotracker.common.web.servlet;

import io.cryptotracker.common.web.input.InputText;
import io.cryptotracker.common.web.input.BodySizeLimit;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a request whose query or form parameters or path variables break {@link InputText}'s rule with a 400
 * naming each, and one whose body is over {@link BodySizeLimit}'s with a 413, before any handler (and so any
 * database query) sees them. An interceptor, not a servlet filter, so
 * the refusal goes through the problem+json advice.
 */
public class RequestParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        BodySizeLimit.check(request.getContentLengthLong());
        List<FieldError> errors = new ArrayList<>();
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        }
        catch (IllegalStateException ex) {
            // Tomcat's InvalidParameterException: a parameter is not valid UTF-8 once percent-decoded
            throw new ValidationException(undecodable(request.getQueryString()));
        }
        parameters.forEach((name, values) -> {
            if (!InputText.isValid(name) || !allValid(values)) {
                errors.add(new FieldError(InputText.scrub(name), InputText.INVALID));
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && !InputText.isValid(text)) {
                    errors.add(new FieldError(String.valueOf(name), InputText.INVALID));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return true;
    }

    /** The query parameters that are not UTF-8, named as far as their names decode. */
    static List<FieldError> undecodable(String query) {
        List<FieldError> errors = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            String decodedName = strictlyDecoded(name);
            if (decodedName == null || strictlyDecoded(value) == null) {
                errors.add(new FieldError(decodedName == null ? "query" : InputText.scrub(decodedName),
                        "must be UTF-8 once percent-decoded"));
            }
        }
        return errors.isEmpty() ? List.of(new FieldError("query", "must be UTF-8 once percent-decoded")) : errors;
    }

    private static String strictlyDecoded(String encoded) {
        try {
            byte[] bytes = java.net.URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (IllegalArgumentException | CharacterCodingException ex) {
            return null;
        }
    }

    private static boolean allValid(String[] values) {
        for (String value : values) {
            if (!InputText.isValid(value)) {
                return false;
            }
        }
        return true;
    }
}
