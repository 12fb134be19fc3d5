package io.cryptotracker.common.web.input;

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
 * naming each, before any handler (and so any database query) sees them. An interceptor, not a servlet filter, so
 * the refusal goes through the problem+json advice.
 */
public class RequestParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
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

    private static boolean allValid(String[] values) {
        for (String value : values) {
            if (!InputText.isValid(value)) {
                return false;
            }
        }
        return true;
    }
}
