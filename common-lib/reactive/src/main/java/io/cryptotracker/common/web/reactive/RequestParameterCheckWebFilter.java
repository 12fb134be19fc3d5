package io.cryptotracker.common.web.reactive;

import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.common.web.input.BodySizeLimit;
import io.cryptotracker.common.web.input.InputText;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link io.cryptotracker.common.web.servlet.RequestParameterCheck}: a query parameter or path
 * segment that breaks {@link InputText}'s rule is a 400 naming it (a path segment as {@code path}), and a body over
 * {@link BodySizeLimit#MAX_BYTES} a 413, rendered by
 * {@link ProblemWebExceptionHandler}. Runs after the security chain, so a caller without a token still gets a 401.
 */
public class RequestParameterCheckWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        try {
            BodySizeLimit.check(exchange.getRequest().getHeaders().getContentLength());
        }
        catch (ApiException tooLarge) {
            return Mono.error(tooLarge);
        }
        List<FieldError> errors = new ArrayList<>();
        exchange.getRequest().getQueryParams().forEach((name, values) -> {
            if (!InputText.isValid(name) || !values.stream().allMatch(InputText::isValid)) {
                errors.add(new FieldError(InputText.scrub(name), InputText.INVALID));
            }
        });
        boolean badPath = exchange.getRequest().getPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                .anyMatch(segment -> !InputText.isValid(segment));
        if (badPath) {
            errors.add(new FieldError("path", InputText.INVALID));
        }
        return errors.isEmpty() ? chain.filter(exchange) : Mono.error(new ValidationException(errors));
    }

    /** After Spring Security's {@code WebFilterChainProxy} (-100). */
    @Override
    public int getOrder() {
        return 0;
    }
}
